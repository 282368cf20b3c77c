package org.hearth.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.hearth.domain.identity.KeyKind;
import org.hearth.domain.identity.SignInMethod;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Proofs that the caller holds a key: an EIP-4361 message signed by a wallet, or a kind 22242 event
 * signed by a Nostr key, each over a nonce this server issued. The nonce is used up only once every
 * other check has passed, so a forged attempt cannot burn a real user's nonce.
 */
@Stateless
public class KeyProofs {

  @Inject SignInNonces nonces;
  @Inject IdentitySettings settings;
  @Inject Clock clock;

  /** A proven key. */
  public record ProvenKey(KeyKind kind, String value) {}

  public ProvenKey ethereum(String message, String signature, String publicUrl) {
    if (message == null || signature == null) {
      throw new SignInException("message and signature are required");
    }
    Instant now = clock.instant();
    SiweMessage parsed = SiweMessageParser.parse(message);
    String address =
        new SiweVerifier(publicUrl, settings.chainId(), settings.clockSkew())
            .verify(parsed, message, signature, now);
    nonces.consume(parsed.nonce(), SignInMethod.SIWE);
    return new ProvenKey(KeyKind.ETHEREUM, address);
  }

  public ProvenKey nostr(String eventJson, String publicUrl) {
    if (eventJson == null) {
      throw new SignInException("event is required");
    }
    NostrEvent event =
        new NostrChallengeVerifier(publicUrl, settings.nonceTtl())
            .verify(eventJson, clock.instant());
    nonces.consume(NostrChallengeVerifier.singleTag(event, "challenge"), SignInMethod.NOSTR);
    return new ProvenKey(KeyKind.NOSTR, event.pubkey());
  }
}
