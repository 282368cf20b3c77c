package org.hearth.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hearth.agent.config.ConfigException;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {

  @TempDir Path dataDir;

  @Test
  void firstStartCreatesAnOwnerOnlyKeyThatLaterStartsReuse() throws Exception {
    NostrKeyPair created = NodeKeyFile.loadOrCreate(dataDir);

    Path file = dataDir.resolve("node.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(created.secretKeyHex() + "\n", Files.readString(file));
    assertEquals(created.publicKeyHex(), NodeKeyFile.loadOrCreate(dataDir).publicKeyHex());
    assertEquals(1, Files.list(dataDir).count(), "no temporary file is left behind");
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    NodeKeyFile.loadOrCreate(dataDir);
    Path file = dataDir.resolve("node.key");
    for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-----w-"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      ConfigException e =
          assertThrows(ConfigException.class, () -> NodeKeyFile.loadOrCreate(dataDir));
      assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }
  }

  @Test
  void aKeyFileWithoutAKeyIsRefused() throws Exception {
    Path file = dataDir.resolve("node.key");
    Files.writeString(file, "not hex\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    ConfigException e =
        assertThrows(ConfigException.class, () -> NodeKeyFile.loadOrCreate(dataDir));
    assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
  }
}
