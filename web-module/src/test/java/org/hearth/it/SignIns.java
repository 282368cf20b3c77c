package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.nostr.NostrKeyPair;

/** Sign-in as a browser or script does it, with real third-party signers (ethers, nostr-tools). */
final class SignIns {

  private final HearthApi api;

  SignIns(HearthApi api) {
    this.api = api;
  }

  /** A fresh nonce with the values the message must carry. */
  JsonNode siweNonce() {
    return api.post("api/auth/siwe/nonce", "", null).json();
  }

  /** The EIP-4361 text for a nonce answer, with the fields a test wants to change. */
  static String siweMessage(
      String domain, String address, String uri, long chainId, String nonce, Instant expiration) {
    return domain
        + " wants you to sign in with your Ethereum account:\n"
        + address
        + "\n\nSign in to Hearth.\n\nURI: "
        + uri
        + "\nVersion: 1\nChain ID: "
        + chainId
        + "\nNonce: "
        + nonce
        + "\nIssued At: "
        + Instant.now().minusSeconds(1)
        + (expiration == null ? "" : "\nExpiration Time: " + expiration);
  }

  /** The message for a fresh nonce, as a well-behaved wallet front end writes it. */
  String siweMessageFor(Ethers wallet) {
    JsonNode nonce = siweNonce();
    return siweMessage(
        nonce.get("domain").asText(),
        wallet.address,
        nonce.get("uri").asText(),
        nonce.get("chainId").asLong(),
        nonce.get("nonce").asText(),
        Instant.now().plusSeconds(300));
  }

  HearthApi.Reply siwe(String message, String signature) {
    ObjectNode body = HearthApi.JSON.createObjectNode();
    body.put("message", message);
    body.put("signature", signature);
    return api.post("api/auth/siwe", body.toString(), null);
  }

  /** Signs in with the wallet; returns the session answer. */
  JsonNode withEthereum(Ethers wallet) {
    String message = siweMessageFor(wallet);
    HearthApi.Reply reply = siwe(message, wallet.sign(message));
    if (reply.status() != 200) {
      throw new AssertionError("SIWE sign-in failed: " + reply);
    }
    return reply.json();
  }

  JsonNode nostrChallenge() {
    return api.post("api/auth/nostr/challenge", "", null).json();
  }

  /** A kind 22242 event signed by nostr-tools. */
  static String challengeEvent(NostrKeyPair key, String challenge, String relay, Instant at) {
    return NostrTools.event(
        key.secretKeyHex(),
        22242,
        List.of(List.of("relay", relay), List.of("challenge", challenge)),
        at.getEpochSecond());
  }

  HearthApi.Reply nostr(String eventJson) {
    return api.post("api/auth/nostr", "{\"event\":" + eventJson + "}", null);
  }

  /** Signs in with the Nostr key; returns the session answer. */
  JsonNode withNostr(NostrKeyPair key) {
    JsonNode challenge = nostrChallenge();
    HearthApi.Reply reply =
        nostr(
            challengeEvent(
                key,
                challenge.get("challenge").asText(),
                challenge.get("relay").asText(),
                Instant.now()));
    if (reply.status() != 200) {
      throw new AssertionError("Nostr sign-in failed: " + reply);
    }
    return reply.json();
  }

  /**
   * The body that links (or signs in) {@code wallet}: a fresh EIP-4361 message and its signature.
   */
  String siweProof(Ethers wallet) {
    String message = siweMessageFor(wallet);
    return HearthApi.JSON
        .createObjectNode()
        .put("message", message)
        .put("signature", wallet.sign(message))
        .toString();
  }

  /** A request with a session's Bearer token. */
  HearthApi.Reply bearer(String method, String path, String body, String token) {
    return api.send(path, method, body, Map.of("Authorization", "Bearer " + token));
  }
}
