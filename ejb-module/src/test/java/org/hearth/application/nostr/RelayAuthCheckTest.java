package org.hearth.application.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

class RelayAuthCheckTest {

  private static final String RELAY = "https://hearth.example/relay";
  private static final String CHALLENGE = "c0ffee";
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
  private static final RelayAuthCheck CHECK = new RelayAuthCheck(Duration.ofMinutes(10));
  private static final EventSigner SIGNER = new EventSigner(NostrKeyPair.generate());

  private static NostrEvent auth(int kind, String relay, String challenge, Instant at) {
    return SIGNER.sign(
        kind, List.of(List.of("relay", relay), List.of("challenge", challenge)), "", at);
  }

  private static NostrEvent auth(String relay, String challenge) {
    return auth(EventKinds.CLIENT_AUTH, relay, challenge, NOW);
  }

  private static void assertRefused(NostrEvent event, String reason) {
    Relay.Verdict verdict = CHECK.check(event, CHALLENGE, RELAY, NOW);
    assertFalse(verdict.accepted(), verdict.toString());
    assertTrue(verdict.message().startsWith("invalid: "), verdict.message());
    assertTrue(verdict.message().contains(reason), verdict.message());
  }

  @Test
  void acceptsTheConnectionsChallengeSignedForThisRelay() {
    Relay.Verdict verdict =
        CHECK.check(auth("wss://hearth.example/relay", CHALLENGE), CHALLENGE, RELAY, NOW);
    assertTrue(verdict.accepted(), verdict.toString());
    assertEquals("", verdict.message());
  }

  @Test
  void comparesTheRelayByHostAndPathOnly() {
    assertTrue(RelayAuthCheck.sameRelay("wss://Hearth.Example/relay/", RELAY));
    assertTrue(RelayAuthCheck.sameRelay("ws://hearth.example:8080/relay", RELAY));
    assertFalse(RelayAuthCheck.sameRelay("wss://other.example/relay", RELAY));
    assertFalse(RelayAuthCheck.sameRelay("wss://hearth.example/other", RELAY));
    assertFalse(RelayAuthCheck.sameRelay("wss://hearth.example", RELAY));
    assertFalse(RelayAuthCheck.sameRelay("not a url", RELAY));
    assertFalse(RelayAuthCheck.sameRelay("relay", RELAY));
  }

  @Test
  void refusesAnotherChallengeOrRelay() {
    assertRefused(auth(RELAY, "another"), "challenge");
    assertRefused(auth("wss://evil.example/relay", CHALLENGE), "relay tag");
  }

  @Test
  void refusesMissingOrRepeatedTags() {
    NostrEvent noChallenge =
        SIGNER.sign(EventKinds.CLIENT_AUTH, List.of(List.of("relay", RELAY)), "", NOW);
    assertRefused(noChallenge, "challenge");
    NostrEvent twoRelays =
        SIGNER.sign(
            EventKinds.CLIENT_AUTH,
            List.of(
                List.of("relay", RELAY),
                List.of("relay", "wss://evil.example/relay"),
                List.of("challenge", CHALLENGE)),
            "",
            NOW);
    assertRefused(twoRelays, "relay tag");
  }

  @Test
  void refusesAnotherKind() {
    assertRefused(auth(1, RELAY, CHALLENGE, NOW), "kind 22242");
  }

  @Test
  void refusesACreatedAtOutsideTheWindow() {
    assertRefused(
        auth(EventKinds.CLIENT_AUTH, RELAY, CHALLENGE, NOW.minusSeconds(601)), "created_at");
    assertRefused(
        auth(EventKinds.CLIENT_AUTH, RELAY, CHALLENGE, NOW.plusSeconds(601)), "created_at");
    assertTrue(
        CHECK
            .check(
                auth(EventKinds.CLIENT_AUTH, RELAY, CHALLENGE, NOW.minusSeconds(600)),
                CHALLENGE,
                RELAY,
                NOW)
            .accepted());
  }

  @Test
  void refusesABadSignatureOrId() {
    NostrEvent good = auth(RELAY, CHALLENGE);
    String sig = good.sig();
    NostrEvent forged =
        new NostrEvent(
            good.id(),
            good.pubkey(),
            good.createdAt(),
            good.kind(),
            good.tags(),
            good.content(),
            (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1));
    assertRefused(forged, "signature");
    NostrEvent tampered =
        new NostrEvent(
            good.id(),
            good.pubkey(),
            good.createdAt(),
            good.kind(),
            good.tags(),
            "changed",
            good.sig());
    assertRefused(tampered, "id");
  }
}
