package org.hearth.application.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.TeeType;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;
import org.junit.jupiter.api.Test;

class AttestationRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final String NODE = "ab".repeat(32);
  private static final NostrKeyPair KEY = NostrKeyPair.generate();
  private static final NostrKeyPair ATTESTER = NostrKeyPair.generate();
  private static final NostrKeyPair STRANGER = NostrKeyPair.generate();
  private static final AttestationRules RULES =
      new AttestationRules(Duration.ofDays(30), 64, Set.of(ATTESTER.publicKeyHex()));

  /** The one registered node, whose key is {@code KEY}. */
  private static Optional<String> nodeKeys(String nodeId) {
    return nodeId.equals(NODE) ? Optional.of(KEY.publicKeyHex()) : Optional.empty();
  }

  private static AttestationSummary read(NostrEvent event) {
    return RULES.read(event, NOW, AttestationRulesTest::nodeKeys);
  }

  private static List<List<String>> tags(String... extra) {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of("node", NODE));
    tags.add(List.of("tee", "sev-snp"));
    tags.add(List.of("measurement", "9f".repeat(48)));
    tags.add(List.of("expiration", Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond())));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      tags.add(List.of(extra[i], extra[i + 1]));
    }
    return tags;
  }

  private static NostrEvent event(List<List<String>> tags) {
    return event(KEY, tags, NOW.minusSeconds(60));
  }

  private static NostrEvent event(NostrKeyPair key, List<List<String>> tags, Instant createdAt) {
    return new EventSigner(key).sign(ComputeKinds.ATTESTATION, tags, "", createdAt);
  }

  private static String refusal(NostrEvent event) {
    return assertThrows(ComputeRefusal.class, () -> read(event)).getMessage();
  }

  private static String refusal(List<List<String>> tags) {
    return refusal(event(tags));
  }

  private static List<List<String>> without(String name) {
    List<List<String>> tags = tags();
    tags.removeIf(t -> t.get(0).equals(name));
    return tags;
  }

  private static List<List<String>> replacing(String name, String value) {
    List<List<String>> tags = without(name);
    tags.add(List.of(name, value));
    return tags;
  }

  @Test
  void aWellFormedAttestationIsReadWithItsQuotesHash() {
    byte[] quote = "a quote of forty-two bytes, more or less.".getBytes(StandardCharsets.UTF_8);
    NostrEvent event = event(tags("quote", Base64.getEncoder().encodeToString(quote)));
    AttestationSummary claim = read(event);
    assertEquals(event.id(), claim.eventId());
    assertEquals(NODE, claim.nodeId());
    assertEquals(KEY.publicKeyHex(), claim.author());
    assertTrue(claim.byNode());
    assertEquals(TeeType.SEV_SNP, claim.tee());
    assertEquals("9f".repeat(48), claim.measurement());
    assertEquals(Sha256.hex(quote), claim.quoteSha256());
    assertEquals(quote.length, claim.quoteBytes());
    assertEquals(NOW.minusSeconds(60), claim.issuedAt());
    assertEquals(NOW.plus(Duration.ofDays(7)), claim.expiresAt());
  }

  @Test
  void withoutAQuoteThereIsNoHash() {
    AttestationSummary claim = read(event(replacing("tee", "none")));
    assertEquals(TeeType.NONE, claim.tee());
    assertNull(claim.quoteSha256());
    assertEquals(0, claim.quoteBytes());
  }

  @Test
  void eachRequiredTagMustBeThereExactlyOnce() {
    for (String name : List.of("node", "tee", "measurement", "expiration")) {
      assertTrue(refusal(without(name)).startsWith("invalid: exactly one " + name), name);
      List<List<String>> twice = tags();
      twice.add(
          List.of(
              name,
              twice.stream().filter(t -> t.get(0).equals(name)).findFirst().orElseThrow().get(1)));
      assertTrue(refusal(twice).startsWith("invalid: exactly one " + name), name);
    }
  }

  @Test
  void malformedValuesAreRefused() {
    assertTrue(refusal(replacing("node", "not-a-node")).contains("node id"));
    assertTrue(refusal(replacing("tee", "trustme")).contains("tee must be"));
    assertTrue(refusal(replacing("measurement", "")).contains("measurement"));
    assertTrue(refusal(replacing("measurement", "x".repeat(257))).contains("measurement"));
    assertTrue(refusal(replacing("measurement", "line\nbreak")).contains("measurement"));
    assertTrue(refusal(replacing("expiration", "soon")).contains("unix time"));
    assertTrue(refusal(tags("quote", "not base64!")).contains("not base64"));
  }

  @Test
  void anAttestationMustBeValidNowAndNotForLongerThanAllowed() {
    assertTrue(
        refusal(replacing("expiration", Long.toString(NOW.getEpochSecond()))).contains("expired"));
    String tooLong = Long.toString(NOW.plus(Duration.ofDays(31)).getEpochSecond());
    assertTrue(refusal(replacing("expiration", tooLong)).contains("within PT720H"));
  }

  @Test
  void quotesAreCappedInSize() {
    String fits = Base64.getEncoder().encodeToString(new byte[64]);
    assertEquals(64, read(event(tags("quote", fits))).quoteBytes());
    String over = Base64.getEncoder().encodeToString(new byte[65]);
    assertTrue(refusal(tags("quote", over)).contains("larger than 64 bytes"));
    String huge = Base64.getEncoder().encodeToString(new byte[6400]);
    assertTrue(refusal(tags("quote", huge)).contains("larger than 64 bytes"));
    assertTrue(refusal(tags("quote", fits, "quote", fits)).contains("at most one quote"));
  }

  @Test
  void onlyTheNodesOwnKeyOrATrustedAttesterAttestsARegisteredNode() {
    AttestationSummary vouched = read(event(ATTESTER, tags(), NOW));
    assertFalse(vouched.byNode());
    assertEquals(ATTESTER.publicKeyHex(), vouched.author());
    assertTrue(refusal(event(STRANGER, tags(), NOW)).startsWith("restricted:"));
    assertTrue(refusal(replacing("node", "cd".repeat(32))).contains("no node"));
  }

  @Test
  void theNewerOfTwoIsTheLaterOrAtTheSameSecondTheLowerId() {
    AttestationSummary early = read(event(tags()));
    AttestationSummary late = read(event(KEY, tags(), NOW));
    assertTrue(late.newerThan(early));
    assertFalse(early.newerThan(late));
    assertFalse(late.newerThan(late), "the same event again is not newer");
    AttestationSummary sameSecond = read(event(KEY, tags("t", "other"), NOW));
    assertEquals(late.eventId().compareTo(sameSecond.eventId()) < 0, late.newerThan(sameSecond));
    assertEquals(sameSecond.eventId().compareTo(late.eventId()) < 0, sameSecond.newerThan(late));
  }
}
