package org.hearth.protocol.nostr.nip98;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

class Nip98SignerTest {
  private static final String URL = "https://hearth.example/api/vms";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final NostrKeyPair keys = NostrKeyPair.generate();
  private final Nip98Signer signer = new Nip98Signer(keys);

  @Test
  void makesASignedKind27235EventWithUrlMethodAndPayloadTags() {
    NostrEvent event =
        decode(signer.authorizationHeader(URL, "POST", "hello".getBytes(UTF_8), NOW));
    assertTrue(EventVerifier.verify(event));
    assertEquals(27235, event.kind());
    assertEquals(keys.publicKeyHex(), event.pubkey());
    assertEquals(NOW.getEpochSecond(), event.createdAt());
    assertEquals("", event.content());
    assertEquals(
        List.of(
            List.of("u", URL),
            List.of("method", "POST"),
            List.of("payload", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")),
        event.tags().subList(0, 3));
    assertEquals(Nip98Signer.NONCE_TAG, event.tags().get(3).get(0));
  }

  @Test
  void addsNoPayloadTagWithoutBody() {
    List<List<String>> expected = List.of(List.of("u", URL), List.of("method", "GET"));
    assertEquals(
        expected, decode(signer.authorizationHeader(URL, "GET", null, NOW)).tags().subList(0, 2));
    assertEquals(3, decode(signer.authorizationHeader(URL, "GET", new byte[0], NOW)).tags().size());
  }

  @Test
  void identicalRequestsInTheSameSecondAreDistinctEvents() {
    String first = signer.authorizationHeader(URL, "GET", null, NOW);
    String second = signer.authorizationHeader(URL, "GET", null, NOW);

    assertTrue(!decode(first).id().equals(decode(second).id()), "a replay guard would refuse it");
  }

  private static NostrEvent decode(String header) {
    assertTrue(header.startsWith("Nostr "), header);
    byte[] json = Base64.getDecoder().decode(header.substring("Nostr ".length()));
    return NostrEvent.fromJson(new String(json, UTF_8));
  }
}
