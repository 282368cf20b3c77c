package org.hearth.protocol.nostr;

import java.util.HexFormat;

/** Hex encoding as Nostr uses it: lowercase on output, exact lengths where fields demand them. */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return LOWER.formatHex(bytes);
  }

  /**
   * Decodes hex of either case.
   *
   * @throws IllegalArgumentException if the text has an odd length or a non-hex character
   */
  public static byte[] decode(String hex) {
    return LOWER.parseHex(hex);
  }

  /** Whether {@code text} is exactly {@code byteLength} bytes of lowercase hex. */
  public static boolean isLowercaseHex(String text, int byteLength) {
    if (text == null || text.length() != byteLength * 2) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
