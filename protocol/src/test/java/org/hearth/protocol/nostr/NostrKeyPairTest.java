package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NostrKeyPairTest {
  private static final String SECRET_THREE =
      "0000000000000000000000000000000000000000000000000000000000000003";

  @Test
  void derivesTheXOnlyPublicKey() {
    NostrKeyPair keys = NostrKeyPair.fromSecretKeyHex(SECRET_THREE);
    assertEquals(
        "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9", keys.publicKeyHex());
    assertEquals(SECRET_THREE, keys.secretKeyHex());
  }

  @Test
  void generatesDistinctValidKeys() {
    NostrKeyPair a = NostrKeyPair.generate();
    NostrKeyPair b = NostrKeyPair.generate();
    assertNotEquals(a.secretKeyHex(), b.secretKeyHex());
    assertTrue(Bip340.isValidSecretKey(a.secretKey()));
    assertEquals(a.publicKeyHex(), NostrKeyPair.fromSecretKey(a.secretKey()).publicKeyHex());
  }

  @Test
  void refusesInvalidSecretKeys() {
    assertThrows(
        IllegalArgumentException.class, () -> NostrKeyPair.fromSecretKeyHex("00".repeat(32)));
    assertThrows(IllegalArgumentException.class, () -> NostrKeyPair.fromSecretKeyHex("03"));
    assertThrows(IllegalArgumentException.class, () -> NostrKeyPair.fromSecretKeyHex("xyz"));
  }

  @Test
  void neverShowsTheSecretKey() {
    NostrKeyPair keys = NostrKeyPair.generate();
    assertFalse(keys.toString().contains(keys.secretKeyHex()));
    assertTrue(keys.toString().contains(keys.publicKeyHex()));
  }

  @Test
  void returnsCopiesOfItsKeys() {
    NostrKeyPair keys = NostrKeyPair.generate();
    String secret = keys.secretKeyHex();
    keys.secretKey()[0] ^= 1;
    keys.publicKey()[0] ^= 1;
    assertEquals(secret, keys.secretKeyHex());
    assertEquals(keys.publicKeyHex(), Hex.encode(Bip340.publicKey(keys.secretKey())));
  }
}
