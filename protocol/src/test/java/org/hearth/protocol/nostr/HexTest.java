package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowercaseAndDecodesEitherCase() {
    byte[] bytes = {0x00, (byte) 0xab, 0x7f, (byte) 0xff};
    assertEquals("00ab7fff", Hex.encode(bytes));
    assertArrayEquals(bytes, Hex.decode("00AB7fFF"));
  }

  @Test
  void refusesMalformedHex() {
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz"));
  }

  @Test
  void checksLowercaseHexOfExactLength() {
    assertTrue(Hex.isLowercaseHex("00ff", 2));
    assertFalse(Hex.isLowercaseHex("00FF", 2));
    assertFalse(Hex.isLowercaseHex("00ff", 3));
    assertFalse(Hex.isLowercaseHex("00fg", 2));
    assertFalse(Hex.isLowercaseHex(null, 2));
  }
}
