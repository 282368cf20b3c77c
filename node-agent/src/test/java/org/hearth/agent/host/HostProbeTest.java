package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProbeTest {

  @Test
  void namesArchitecturesTheWayUnameDoes() {
    assertEquals("x86_64", HostProbe.normalizeArch("amd64"));
    assertEquals("aarch64", HostProbe.normalizeArch("aarch64"));
    assertEquals("aarch64", HostProbe.normalizeArch("arm64"));
    assertEquals("riscv64", HostProbe.normalizeArch("riscv64"));
  }

  @Test
  void probesThisHost(@TempDir Path dataDir) throws Exception {
    HostInventory host = HostProbe.inventory(dataDir);

    assertEquals(Runtime.getRuntime().availableProcessors(), host.cores());
    assertTrue(host.memoryMiB() > 0, "memory");
    assertTrue(host.diskGiB() > 0, "disk");
    HostLoad load = new LoadSampler(dataDir).sample();
    assertTrue(load.memoryUsedMiB() > 0 && load.memoryUsedMiB() <= host.memoryMiB(), "memory used");
  }
}
