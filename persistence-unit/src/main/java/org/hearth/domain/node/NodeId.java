package org.hearth.domain.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A node's id: the hex SHA-256 of {@code machineId + ":" + pubkey}. It is stable across restarts of
 * the same machine, and because the key is part of it another key can never take a node over.
 */
public final class NodeId {

  private NodeId() {}

  public static String of(String machineId, String pubkey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((machineId + ":" + pubkey).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
