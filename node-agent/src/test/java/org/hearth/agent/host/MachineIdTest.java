package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineIdTest {

  @TempDir Path dir;

  @Test
  void theConfiguredIdWins() throws Exception {
    Path system = Files.writeString(dir.resolve("machine-id-system"), "abc\n");
    assertEquals("mine", MachineId.resolve("mine", system, dir));
  }

  @Test
  void elseTheSystemMachineId() throws Exception {
    Path system = Files.writeString(dir.resolve("machine-id-system"), "3d1219c7c4c5\n");
    assertEquals("3d1219c7c4c5", MachineId.resolve(null, system, dir));
  }

  @Test
  void elseAnIdGeneratedOnceAndKeptInTheDataDir() throws Exception {
    Path absent = dir.resolve("absent");
    String generated = MachineId.resolve(null, absent, dir);

    assertTrue(generated.matches("[0-9a-f]{32}"), generated);
    assertEquals(generated, MachineId.resolve(null, absent, dir));
    assertEquals(generated + "\n", Files.readString(dir.resolve("machine-id")));
  }
}
