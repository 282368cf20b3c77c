package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Bip340Test {
  private static final byte[] ORDER_N =
      Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  private static final byte[] AUX = new byte[32];

  @Test
  void signaturesOfFreshKeysVerifyOnlyForTheirMessageAndKey() {
    byte[] message = "hello, hearth".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 20; i++) {
      NostrKeyPair keys = NostrKeyPair.generate();
      byte[] signature = keys.sign(message);
      assertTrue(Bip340.verify(keys.publicKey(), message, signature));

      byte[] otherMessage = Arrays.copyOf(message, message.length + 1);
      assertFalse(Bip340.verify(keys.publicKey(), otherMessage, signature));
      assertFalse(Bip340.verify(NostrKeyPair.generate().publicKey(), message, signature));
      signature[63] ^= 1;
      assertFalse(Bip340.verify(keys.publicKey(), message, signature));
    }
  }

  @Test
  void freshAuxRandGivesDifferentSignaturesOfTheSameMessage() {
    NostrKeyPair keys = NostrKeyPair.generate();
    byte[] message = new byte[32];
    assertNotEquals(Hex.encode(keys.sign(message)), Hex.encode(keys.sign(message)));
  }

  @Test
  void refusesSecretKeysOutsideOneToNMinusOne() {
    byte[] nMinusOne = ORDER_N.clone();
    nMinusOne[31]--;
    assertEquals(64, Hex.encode(Bip340.publicKey(nMinusOne)).length());
    for (byte[] bad : new byte[][] {new byte[32], ORDER_N, new byte[31], new byte[33]}) {
      assertFalse(Bip340.isValidSecretKey(bad));
      assertThrows(IllegalArgumentException.class, () -> Bip340.sign(bad, new byte[32], AUX));
    }
  }

  @Test
  void refusesAuxRandOfTheWrongLength() {
    byte[] secretKey = NostrKeyPair.generate().secretKey();
    assertThrows(
        IllegalArgumentException.class, () -> Bip340.sign(secretKey, new byte[32], new byte[31]));
  }

  @Test
  void verifyReturnsFalseForMalformedInput() {
    NostrKeyPair keys = NostrKeyPair.generate();
    byte[] message = new byte[32];
    byte[] signature = keys.sign(message);
    assertFalse(Bip340.verify(Arrays.copyOf(keys.publicKey(), 31), message, signature));
    assertFalse(Bip340.verify(keys.publicKey(), message, Arrays.copyOf(signature, 63)));
    assertFalse(Bip340.verify(null, message, signature));
    assertFalse(Bip340.verify(keys.publicKey(), null, signature));
    assertFalse(Bip340.verify(keys.publicKey(), message, null));
  }
}
