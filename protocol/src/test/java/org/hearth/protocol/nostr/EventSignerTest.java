package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSignerTest {
  private final NostrKeyPair keys = NostrKeyPair.generate();
  private final NostrEvent event =
      new EventSigner(keys)
          .sign(
              5900,
              List.of(List.of("param", "cores", "2"), List.of("p", keys.publicKeyHex())),
              "job request",
              Instant.parse("2025-01-02T03:04:05.678Z"));

  @Test
  void fillsPubkeyIdAndSignature() {
    assertEquals(keys.publicKeyHex(), event.pubkey());
    assertEquals(1735787045, event.createdAt());
    assertEquals(event.computeId(), event.id());
    assertTrue(EventVerifier.verify(event));
  }

  @Test
  void verificationFailsForAnyChangedField() {
    String json = event.toJson();
    String otherKey = NostrKeyPair.generate().publicKeyHex();
    String otherSig = new EventSigner(keys).sign(1, List.of(), "", Instant.EPOCH).sig();
    List<String> tampered =
        List.of(
            json.replace("\"job request\"", "\"job request!\""),
            json.replace("\"created_at\":1735787045", "\"created_at\":1735787046"),
            json.replace("\"kind\":5900", "\"kind\":5901"),
            json.replace("\"cores\",\"2\"", "\"cores\",\"3\""),
            json.replace("\"pubkey\":\"" + keys.publicKeyHex(), "\"pubkey\":\"" + otherKey),
            json.replace(event.sig(), otherSig),
            json.replace(event.id(), Sha256.hex(new byte[0])));
    for (String changed : tampered) {
      assertNotEquals(json, changed);
      assertFalse(EventVerifier.verify(NostrEvent.fromJson(changed)), changed);
    }
  }

  @Test
  void refusesMalformedFieldsBeforeSigning() {
    EventSigner signer = new EventSigner(keys);
    assertThrows(
        InvalidEventException.class, () -> signer.sign(70000, List.of(), "", Instant.EPOCH));
    assertThrows(InvalidEventException.class, () -> signer.sign(1, null, "", Instant.EPOCH));
    assertThrows(InvalidEventException.class, () -> signer.sign(1, List.of(), null, Instant.EPOCH));
  }
}
