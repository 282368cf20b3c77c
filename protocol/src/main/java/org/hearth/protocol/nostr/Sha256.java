package org.hearth.protocol.nostr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which every Java platform provides. */
public final class Sha256 {
  private Sha256() {}

  /** The SHA-256 digest of the concatenation of {@code parts}. */
  public static byte[] hash(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** The lowercase hex SHA-256 digest of {@code data}. */
  public static String hex(byte[] data) {
    return Hex.encode(hash(data));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }
}
