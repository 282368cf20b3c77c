package org.hearth.it;

import static org.hearth.it.NodeRegistryIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in with real third-party signers: ethers signs EIP-4361 messages as a wallet does,
 * nostr-tools signs kind 22242 challenges as a Nostr client does. Then sessions: Bearer and cookie,
 * logout, revocation, idle expiry, accounts and linked keys.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  @Test
  void aWalletSignsInWithEip4361AndEveryBadMessageIsRefusedWithItsReason() {
    HearthApi api = new HearthApi(base);
    SignIns signIns = new SignIns(api);
    Ethers wallet = new Ethers();

    JsonNode nonce = signIns.siweNonce();
    assertEquals("localhost:" + base.getPort(), nonce.get("domain").asText());
    assertEquals(1, nonce.get("chainId").asLong());
    assertEquals("1", nonce.get("version").asText());
    String message =
        SignIns.siweMessage(
            nonce.get("domain").asText(),
            wallet.address,
            nonce.get("uri").asText(),
            1,
            nonce.get("nonce").asText(),
            Instant.now().plusSeconds(300));
    HearthApi.Reply signedIn = signIns.siwe(message, wallet.sign(message));

    assertEquals(200, signedIn.status(), signedIn.toString());
    JsonNode session = signedIn.json();
    String token = session.get("token").asText();
    assertTrue(token.length() >= 43, "at least 256 bits of token: " + token);
    assertEquals("ETHEREUM", session.at("/account/keys/0/kind").asText());
    assertEquals(wallet.address.toLowerCase(), session.at("/account/keys/0/value").asText());
    String cookie = signedIn.header("Set-Cookie");
    assertTrue(cookie.contains("hearth_session=" + token), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    JsonNode account = signIns.bearer("GET", "api/account", null, token).json();
    assertEquals(session.at("/account/id").asText(), account.get("id").asText());

    assertRefused(signIns.siwe(message, wallet.sign(message)), "nonce");

    String wrongDomain =
        SignIns.siweMessage(
            "evil.example", wallet.address, "http://evil.example", 1, fresh(signIns), null);
    assertRefused(signIns.siwe(wrongDomain, wallet.sign(wrongDomain)), "domain");

    String wrongChain = withNonce(signIns, wallet, 1).replace("Chain ID: 1", "Chain ID: 137");
    assertRefused(signIns.siwe(wrongChain, wallet.sign(wrongChain)), "chain");

    JsonNode n = signIns.siweNonce();
    String expired =
        SignIns.siweMessage(
            n.get("domain").asText(),
            wallet.address,
            n.get("uri").asText(),
            1,
            n.get("nonce").asText(),
            Instant.now().minusSeconds(5));
    assertRefused(signIns.siwe(expired, wallet.sign(expired)), "expired");

    String original = withNonce(signIns, wallet, 1);
    String tampered = original.replace("Sign in to Hearth.", "Sign in to Hearth and pay.");
    assertRefused(signIns.siwe(tampered, wallet.sign(original)), "signature is not by");
    // The refused attempts did not use the nonce up: the untampered message still signs in.
    assertEquals(200, signIns.siwe(original, wallet.sign(original)).status());

    Ethers other = new Ethers();
    String forWallet = withNonce(signIns, wallet, 1);
    assertRefused(signIns.siwe(forWallet, other.sign(forWallet)), "signature is not by");

    assertRefused(signIns.siwe("hello", wallet.sign("hello")), "malformed");
    assertProblem(api.post("api/auth/siwe", "{\"message\":1", null), 400);
    assertProblem(api.post("api/auth/siwe", "{}", null), 400);
  }

  @Test
  void aNostrKeySignsInWithAChallengeAndBadEventsAreRefused() {
    HearthApi api = new HearthApi(base);
    SignIns signIns = new SignIns(api);
    NostrKeyPair key = NostrKeyPair.generate();

    JsonNode challenge = signIns.nostrChallenge();
    String relay = challenge.get("relay").asText();
    assertEquals("http://localhost:" + base.getPort(), relay);
    String event =
        SignIns.challengeEvent(key, challenge.get("challenge").asText(), relay, Instant.now());
    HearthApi.Reply signedIn = signIns.nostr(event);

    assertEquals(200, signedIn.status(), signedIn.toString());
    assertEquals("NOSTR", signedIn.json().at("/account/keys/0/kind").asText());
    assertEquals(key.publicKeyHex(), signedIn.json().at("/account/keys/0/value").asText());
    assertRefused(signIns.nostr(event), "nonce");

    String unknownChallenge = SignIns.challengeEvent(key, "0123456789abcdef", relay, Instant.now());
    assertRefused(signIns.nostr(unknownChallenge), "nonce");

    String old =
        SignIns.challengeEvent(
            key,
            signIns.nostrChallenge().get("challenge").asText(),
            relay,
            Instant.now().minusSeconds(3600));
    assertRefused(signIns.nostr(old), "created_at");

    String otherRelay =
        SignIns.challengeEvent(
            key,
            signIns.nostrChallenge().get("challenge").asText(),
            "wss://relay.example",
            Instant.now());
    assertRefused(signIns.nostr(otherRelay), "relay");

    String freshChallenge = signIns.nostrChallenge().get("challenge").asText();
    String signedForAnother = SignIns.challengeEvent(key, "ffffffffffffffff", relay, Instant.now());
    assertRefused(
        signIns.nostr(signedForAnother.replace("ffffffffffffffff", freshChallenge)), "signature");

    // A Nostr key that signed in with a session is the same account as its NIP-98 requests.
    Tenant tenant = new Tenant(api);
    JsonNode viaSession = signIns.withNostr(tenant.key);
    assertEquals(
        viaSession.at("/account/id").asText(), tenant.get("api/account").json().get("id").asText());
  }

  @Test
  void logoutAndRevocationEndSessionsAtOnceAndIdleSessionsExpire() throws Exception {
    HearthApi api = new HearthApi(base);
    SignIns signIns = new SignIns(api);
    NostrKeyPair key = NostrKeyPair.generate();
    String first = signIns.withNostr(key).get("token").asText();
    JsonNode second = signIns.withNostr(key);
    String secondToken = second.get("token").asText();

    JsonNode listed = signIns.bearer("GET", "api/auth/sessions", null, first).json();
    assertEquals(2, listed.size(), listed.toString());
    assertTrue(listed.findValues("token").isEmpty(), "tokens are never shown again");

    assertEquals(204, signIns.bearer("POST", "api/auth/logout", null, first).status());
    assertProblem(signIns.bearer("GET", "api/account", null, first), 401);
    assertEquals(200, signIns.bearer("GET", "api/account", null, secondToken).status());

    String third = signIns.withNostr(key).get("token").asText();
    assertEquals(
        204,
        signIns
            .bearer("DELETE", "api/auth/sessions/" + second.get("id").asText(), null, third)
            .status());
    assertProblem(signIns.bearer("GET", "api/account", null, secondToken), 401);

    // Another account cannot see or revoke my sessions.
    String stranger = signIns.withNostr(NostrKeyPair.generate()).get("token").asText();
    String thirdId =
        signIns.bearer("GET", "api/auth/sessions", null, third).json().get(0).get("id").asText();
    assertProblem(signIns.bearer("DELETE", "api/auth/sessions/" + thirdId, null, stranger), 404);
    assertEquals(200, signIns.bearer("GET", "api/account", null, third).status());
    assertProblem(signIns.bearer("GET", "api/account", null, "not-a-token"), 401);

    // The integration tests' idle timeout is 8 s.
    Thread.sleep(9000);
    assertProblem(signIns.bearer("GET", "api/account", null, third), 401);
  }

  @Test
  void theSessionCookieWorksOnlyForWritesFromHearthsOwnOrigin() {
    HearthApi api = new HearthApi(base);
    SignIns signIns = new SignIns(api);
    String token = signIns.withNostr(NostrKeyPair.generate()).get("token").asText();
    String cookie = "hearth_session=" + token;
    String origin = "http://localhost:" + base.getPort();
    String patch = "{\"displayName\":\"Ada\",\"contact\":\"ada@example.org\"}";

    assertEquals(200, api.send("api/account", "GET", null, Map.of("Cookie", cookie)).status());
    HearthApi.Reply noOrigin = api.send("api/account", "PATCH", patch, Map.of("Cookie", cookie));
    assertProblem(noOrigin, 403);
    assertEquals("urn:hearth:problem:cross-site-request", noOrigin.json().get("type").asText());
    assertProblem(
        api.send(
            "api/account",
            "PATCH",
            patch,
            Map.of("Cookie", cookie, "Origin", "http://evil.example")),
        403);
    assertProblem(
        api.send("api/auth/nostr/challenge", "POST", "", Map.of("Origin", "http://evil.example")),
        403);

    HearthApi.Reply patched =
        api.send("api/account", "PATCH", patch, Map.of("Cookie", cookie, "Origin", origin));
    assertEquals(200, patched.status(), patched.toString());
    assertEquals("Ada", patched.json().get("displayName").asText());
    assertEquals("ada@example.org", patched.json().get("contact").asText());
    assertProblem(
        api.send(
            "api/account",
            "PATCH",
            "{\"displayName\":\"a\\u0007\"}",
            Map.of("Cookie", cookie, "Origin", origin)),
        400);
    HearthApi.Reply loggedOut =
        api.send("api/auth/logout", "POST", "", Map.of("Cookie", cookie, "Referer", origin + "/"));
    assertEquals(204, loggedOut.status(), loggedOut.toString());
    assertTrue(
        loggedOut.header("Set-Cookie").contains("Max-Age=0"), loggedOut.header("Set-Cookie"));
    assertProblem(api.send("api/account", "GET", null, Map.of("Cookie", cookie)), 401);
  }

  @Test
  void aWalletAndANostrKeyLinkedToOneAccountSignInToIt() {
    SignIns signIns = new SignIns(new HearthApi(base));
    LinkedAccount linked = LinkedAccount.of(signIns);
    Ethers wallet = linked.wallet();
    String accountId = linked.accountId();
    assertEquals(2, linked.keys().size(), linked.keys().toString());

    assertEquals(accountId, signIns.withEthereum(wallet).at("/account/id").asText());

    // A key that proves another account cannot be taken over.
    String otherToken = signIns.withNostr(NostrKeyPair.generate()).get("token").asText();
    String stolen = signIns.siweProof(wallet);
    assertProblem(signIns.bearer("POST", "api/account/keys", stolen, otherToken), 409);
    assertProblem(signIns.bearer("POST", "api/account/keys", "{}", otherToken), 400);
    assertNotEquals(
        accountId,
        signIns.bearer("GET", "api/account", null, otherToken).json().get("id").asText());
  }

  @Test
  void aLinkedKeyIsUnlinkedButNeverTheLastOne() {
    SignIns signIns = new SignIns(new HearthApi(base));
    LinkedAccount linked = LinkedAccount.of(signIns);
    NostrKeyPair key = linked.key();
    Ethers wallet = linked.wallet();
    String token = linked.token();
    String accountId = linked.accountId();

    // Bad input and keys that are not this account's change nothing.
    assertProblem(signIns.bearer("DELETE", "api/account/keys/not-a-key", null, token), 400);
    String stranger = NostrKeyPair.generate().publicKeyHex();
    assertProblem(signIns.bearer("DELETE", "api/account/keys/" + stranger, null, token), 404);
    String otherToken = signIns.withNostr(NostrKeyPair.generate()).get("token").asText();
    assertProblem(
        signIns.bearer("DELETE", "api/account/keys/" + key.publicKeyHex(), null, otherToken), 404);
    assertEquals(2, signIns.bearer("GET", "api/account", null, token).json().get("keys").size());

    // The Nostr key is unlinked (the address is matched in any case); the wallet, now the only
    // key, stays.
    HearthApi.Reply unlinked =
        signIns.bearer("DELETE", "api/account/keys/" + key.publicKeyHex(), null, token);
    assertEquals(200, unlinked.status(), unlinked.toString());
    assertEquals(1, unlinked.json().get("keys").size(), unlinked.toString());
    assertEquals("ETHEREUM", unlinked.json().at("/keys/0/kind").asText());
    String upper = "0x" + wallet.address.substring(2).toUpperCase();
    HearthApi.Reply last = signIns.bearer("DELETE", "api/account/keys/" + upper, null, token);
    assertProblem(last, 409);
    assertTrue(last.json().get("detail").asText().contains("only key"), last.toString());
    assertEquals(accountId, signIns.withEthereum(wallet).at("/account/id").asText());
    // The unlinked key no longer signs in to the account: it makes a new one.
    assertNotEquals(accountId, signIns.withNostr(key).at("/account/id").asText());
  }

  /** An account signed in with a fresh Nostr key, with a fresh wallet linked to it. */
  private record LinkedAccount(
      NostrKeyPair key, Ethers wallet, String token, String accountId, JsonNode keys) {

    static LinkedAccount of(SignIns signIns) {
      NostrKeyPair key = NostrKeyPair.generate();
      Ethers wallet = new Ethers();
      JsonNode session = signIns.withNostr(key);
      String token = session.get("token").asText();
      String proof = signIns.siweProof(wallet);
      HearthApi.Reply linked = signIns.bearer("POST", "api/account/keys", proof, token);
      assertEquals(200, linked.status(), linked.toString());
      return new LinkedAccount(
          key, wallet, token, session.at("/account/id").asText(), linked.json().get("keys"));
    }
  }

  private static void assertRefused(HearthApi.Reply reply, String reason) {
    assertProblem(reply, 401);
    assertEquals("urn:hearth:problem:sign-in-failed", reply.json().get("type").asText());
    assertTrue(
        reply.json().get("detail").asText().contains(reason),
        "expected the detail to name " + reason + ": " + reply);
  }

  private static String fresh(SignIns signIns) {
    return signIns.siweNonce().get("nonce").asText();
  }

  private static String withNonce(SignIns signIns, Ethers wallet, long chainId) {
    JsonNode n = signIns.siweNonce();
    return SignIns.siweMessage(
        n.get("domain").asText(),
        wallet.address,
        n.get("uri").asText(),
        chainId,
        n.get("nonce").asText(),
        null);
  }
}
