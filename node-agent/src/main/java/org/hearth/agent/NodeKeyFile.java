package org.hearth.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.hearth.agent.config.ConfigException;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * The node's secp256k1 key in {@code <dataDir>/node.key}: its secret as hex, readable by the owner
 * only. Whoever holds it can act as this node, so a key file others can read is refused rather than
 * used.
 */
public final class NodeKeyFile {
  public static final String FILE_NAME = "node.key";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private NodeKeyFile() {}

  /** The key in {@code dataDir}, created on first use. */
  public static NostrKeyPair loadOrCreate(Path dataDir) throws ConfigException, IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return load(file);
    }
    NostrKeyPair key = NostrKeyPair.generate();
    write(file, key);
    return key;
  }

  static NostrKeyPair load(Path file) throws ConfigException, IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new ConfigException(
          file
              + " is accessible by others ("
              + PosixFilePermissions.toString(permissions)
              + "); run chmod 600 "
              + file);
    }
    String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      return NostrKeyPair.fromSecretKeyHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + " does not hold a secp256k1 secret key as 64 hex digits");
    }
  }

  /**
   * Creates the file with owner-only permissions from the start (never world-readable, not even
   * briefly) and moves it into place atomically, so a crash never leaves a half-written key.
   */
  private static void write(Path file, NostrKeyPair key) throws IOException {
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    Files.deleteIfExists(temp);
    FileAttribute<Set<PosixFilePermission>> ownerOnly =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    try (FileChannel channel =
        FileChannel.open(
            temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
      channel.write(
          ByteBuffer.wrap((key.secretKeyHex() + "\n").getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
