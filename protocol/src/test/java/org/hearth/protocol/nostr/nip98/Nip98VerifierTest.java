package org.hearth.protocol.nostr.nip98;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.BAD_SIGNATURE;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.EXPIRED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.MALFORMED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.METHOD_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.MISSING;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.PAYLOAD_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.REPLAYED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.URL_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.WRONG_KIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Nip98VerifierTest {
  private static final String URL = "https://hearth.example/api/vms?zone=eu&limit=5";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final byte[] BODY = "{\"template\":\"debian\",\"cores\":2}".getBytes(UTF_8);

  private final NostrKeyPair keys = NostrKeyPair.generate();
  private final Nip98Signer signer = new Nip98Signer(keys);
  private final Nip98Verifier verifier =
      new Nip98Verifier(new InMemoryReplayGuard(1000, Clock.fixed(NOW, ZoneOffset.UTC)));

  @Test
  void acceptsAValidHeaderWithoutBody() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "GET", null, NOW.minusSeconds(3));
    Nip98Auth auth = verifier.verify(header, URL, "GET", null, NOW);
    assertEquals(keys.publicKeyHex(), auth.pubkey());
    assertEquals(NOW.minusSeconds(3), auth.createdAt());
    assertEquals(decode(header).id(), auth.eventId());
  }

  @Test
  void acceptsAValidHeaderWithBody() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "POST", BODY, NOW);
    assertEquals(keys.publicKeyHex(), verifier.verify(header, URL, "POST", BODY, NOW).pubkey());
  }

  @Test
  void comparesMethodsIgnoringCase() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "post", BODY, NOW);
    verifier.verify(header, URL, "POST", BODY, NOW);
  }

  @Test
  void acceptsTheSchemeInAnyCaseAndExtraSpaces() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "GET", null, NOW);
    verifier.verify(" nostr   " + header.substring("Nostr ".length()), URL, "GET", null, NOW);
  }

  @Test
  void acceptsAPayloadTagForAnEmptyBodyWhenItHashesNothing() throws Nip98Exception {
    String emptyHash = Sha256.hex(new byte[0]);
    verifier.verify(header(authEvent(URL, "GET", emptyHash, NOW)), URL, "GET", new byte[0], NOW);
  }

  @Test
  void refusesAMissingHeaderOrAnotherScheme() {
    assertRefused(MISSING, null, BODY);
    assertRefused(MISSING, "  ", BODY);
    assertRefused(MISSING, "Bearer abc", BODY);
    assertRefused(MISSING, "Nostrich abc", BODY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nostr",
        "Nostr !!!notbase64",
        "Nostr bm90IGpzb24=", // "not json"
        "Nostr W10=", // "[]"
        "Nostr /w==", // not UTF-8
      })
  void refusesMalformedTokens(String header) {
    assertRefused(MALFORMED, header, BODY);
  }

  @Test
  void refusesAnEventWithAMalformedField() {
    NostrEvent event = authEvent(URL, "POST", Sha256.hex(BODY), NOW);
    String json = event.toJson().replace(event.id(), event.id().toUpperCase());
    String header = "Nostr " + Base64.getEncoder().encodeToString(json.getBytes(UTF_8));
    Nip98Exception e = assertRefused(MALFORMED, header, BODY);
    assertEquals(
        "token is not a Nostr event: id must be 64 lowercase hex characters", e.getMessage());
  }

  @Test
  void refusesTheWrongKind() {
    NostrEvent event =
        new EventSigner(keys)
            .sign(1, List.of(List.of("u", URL), List.of("method", "POST")), "", NOW);
    assertRefused(WRONG_KIND, header(event), null);
  }

  @Test
  void refusesATamperedSignature() {
    NostrEvent event = authEvent(URL, "POST", Sha256.hex(BODY), NOW);
    String sig = (event.sig().charAt(0) == '0' ? "1" : "0") + event.sig().substring(1);
    assertRefused(BAD_SIGNATURE, header(with(event, event.id(), event.content(), sig)), BODY);
  }

  @Test
  void refusesTamperedContentOrId() {
    NostrEvent event = authEvent(URL, "POST", Sha256.hex(BODY), NOW);
    assertRefused(BAD_SIGNATURE, header(with(event, event.id(), "x", event.sig())), BODY);
    String otherId = Sha256.hex(new byte[] {1});
    assertRefused(BAD_SIGNATURE, header(with(event, otherId, event.content(), event.sig())), BODY);
  }

  @Test
  void refusesAnotherUrl() {
    for (String url : List.of(URL + "&x=1", URL.replace("https", "http"), URL.replace("?", "/?"))) {
      String header = signer.authorizationHeader(url, "POST", BODY, NOW);
      assertRefused(URL_MISMATCH, header, BODY);
    }
  }

  @Test
  void refusesAnEventWithoutUrlOrMethodTag() {
    NostrEvent noUrl =
        new EventSigner(keys).sign(Nip98.KIND, List.of(List.of("method", "GET")), "", NOW);
    NostrEvent noMethod =
        new EventSigner(keys).sign(Nip98.KIND, List.of(List.of("u", URL)), "", NOW);
    assertRefused(URL_MISMATCH, header(noUrl), null, "GET");
    assertRefused(METHOD_MISMATCH, header(noMethod), null, "GET");
  }

  @Test
  void refusesRepeatedTags() {
    NostrEvent event =
        new EventSigner(keys)
            .sign(
                Nip98.KIND,
                List.of(List.of("u", URL), List.of("u", URL), List.of("method", "GET")),
                "",
                NOW);
    assertRefused(MALFORMED, header(event), null, "GET");
  }

  @Test
  void refusesAnotherMethod() {
    assertRefused(METHOD_MISMATCH, signer.authorizationHeader(URL, "PUT", BODY, NOW), BODY);
  }

  @Test
  void refusesEventsOutsideTheTimeWindow() throws Nip98Exception {
    assertRefused(
        EXPIRED, signer.authorizationHeader(URL, "POST", BODY, NOW.minusSeconds(61)), BODY);
    assertRefused(
        EXPIRED, signer.authorizationHeader(URL, "POST", BODY, NOW.plusSeconds(61)), BODY);
    verifier.verify(
        signer.authorizationHeader(URL, "POST", BODY, NOW.minusSeconds(60)),
        URL,
        "POST",
        BODY,
        NOW);
    verifier.verify(
        signer.authorizationHeader(URL, "POST", BODY, NOW.plusSeconds(60)), URL, "POST", BODY, NOW);
  }

  @Test
  void refusesTheLatestPossibleCreatedAtAsExpired() {
    String header =
        header(
            authEvent(
                URL,
                "GET",
                Sha256.hex(new byte[0]),
                Instant.ofEpochSecond(NostrEvent.MAX_CREATED_AT)));
    assertRefused(EXPIRED, header, null, "GET");
  }

  @Test
  void usesTheConfiguredTolerance() throws Nip98Exception {
    Nip98Verifier strict = new Nip98Verifier(new InMemoryReplayGuard(10), Duration.ofSeconds(5));
    String late = signer.authorizationHeader(URL, "GET", null, NOW.minusSeconds(6));
    Nip98Exception e =
        assertThrows(Nip98Exception.class, () -> strict.verify(late, URL, "GET", null, NOW));
    assertEquals(EXPIRED, e.reason());
    strict.verify(
        signer.authorizationHeader(URL, "GET", null, NOW.minusSeconds(5)), URL, "GET", null, NOW);
  }

  @Test
  void refusesASecondUse() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "POST", BODY, NOW);
    verifier.verify(header, URL, "POST", BODY, NOW);
    assertRefused(REPLAYED, header, BODY);
  }

  @Test
  void aRefusedRequestDoesNotUseUpTheEvent() throws Nip98Exception {
    String header = signer.authorizationHeader(URL, "POST", BODY, NOW);
    assertRefused(PAYLOAD_MISMATCH, header, "other".getBytes(UTF_8));
    verifier.verify(header, URL, "POST", BODY, NOW);
  }

  @Test
  void refusesABodyThatIsNotTheSignedPayload() {
    String header = signer.authorizationHeader(URL, "POST", BODY, NOW);
    assertRefused(PAYLOAD_MISMATCH, header, "{\"template\":\"alpine\"}".getBytes(UTF_8));
    assertRefused(PAYLOAD_MISMATCH, header, null);
  }

  @Test
  void refusesABodyWithoutPayloadTag() {
    assertRefused(PAYLOAD_MISMATCH, signer.authorizationHeader(URL, "POST", null, NOW), BODY);
  }

  private Nip98Exception assertRefused(Nip98Exception.Reason reason, String header, byte[] body) {
    return assertRefused(reason, header, body, "POST");
  }

  private Nip98Exception assertRefused(
      Nip98Exception.Reason reason, String header, byte[] body, String method) {
    Nip98Exception e =
        assertThrows(Nip98Exception.class, () -> verifier.verify(header, URL, method, body, NOW));
    assertEquals(reason, e.reason(), e.getMessage());
    return e;
  }

  private NostrEvent authEvent(String url, String method, String payloadHash, Instant createdAt) {
    List<List<String>> tags =
        List.of(List.of("u", url), List.of("method", method), List.of("payload", payloadHash));
    return new EventSigner(keys).sign(Nip98.KIND, tags, "", createdAt);
  }

  private static NostrEvent with(NostrEvent event, String id, String content, String sig) {
    return new NostrEvent(
        id, event.pubkey(), event.createdAt(), event.kind(), event.tags(), content, sig);
  }

  private static String header(NostrEvent event) {
    return "Nostr " + Base64.getEncoder().encodeToString(event.toJson().getBytes(UTF_8));
  }

  private static NostrEvent decode(String header) {
    byte[] json = Base64.getDecoder().decode(header.substring("Nostr ".length()));
    return NostrEvent.fromJson(new String(json, UTF_8));
  }
}
