package org.hearth.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The id of this machine, part of the node id: the configured one, else the systemd/D-Bus machine
 * id, else a random id generated once and kept in the data dir.
 */
public final class MachineId {
  public static final Path SYSTEM_MACHINE_ID = Path.of("/etc/machine-id");
  static final String FILE_NAME = "machine-id";

  private MachineId() {}

  /**
   * @param configured the id from the configuration, or null
   */
  public static String resolve(String configured, Path systemMachineId, Path dataDir)
      throws IOException {
    if (configured != null) {
      return configured;
    }
    String system = readNonBlank(systemMachineId);
    if (system != null) {
      return system;
    }
    Path generated = dataDir.resolve(FILE_NAME);
    String kept = readNonBlank(generated);
    if (kept != null) {
      return kept;
    }
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Files.writeString(generated, id + "\n");
    return id;
  }

  private static String readNonBlank(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      return null;
    }
    String text = Files.readString(file).trim();
    return text.isEmpty() ? null : text;
  }
}
