package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemInfoTest {

  @Test
  void readsTotalAndAvailable() {
    MemInfo info =
        MemInfo.parse(
            """
            MemTotal:       24684084 kB
            MemFree:        22644652 kB
            MemAvailable:   22954916 kB
            Buffers:            4512 kB
            HugePages_Total:       0
            """);

    assertEquals(24684084, info.totalKiB());
    assertEquals(22954916, info.availableKiB());
    assertEquals(24105, info.totalMiB());
    assertEquals((24684084 - 22954916) / 1024, info.usedMiB());
  }

  @Test
  void oldKernelsWithoutMemAvailableFallBackToMemFree() {
    MemInfo info = MemInfo.parse("MemTotal: 2048 kB\nMemFree: 1024 kB\n");
    assertEquals(1, info.usedMiB());
  }

  @Test
  void textWithoutMemTotalIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> MemInfo.parse("MemFree: 1 kB\n"));
  }
}
