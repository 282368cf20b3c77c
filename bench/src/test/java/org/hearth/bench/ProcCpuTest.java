package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcCpuTest {

  @Test
  void readsUtimePlusStimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 91234 0 12 0 1500 250 3 4 20 0 180 0 9999"
            + " 8974536000 30226 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0"
            + " 0 0 0";
    assertEquals(1750, ProcCpu.parseProcessTicks(stat));
  }

  @Test
  void readsTheMachinesBusyAndTotalTicks() {
    String procStat = "cpu  100 5 50 800 20 1 2 3 0 0\ncpu0 50 2 25 400 10 0 1 1 0 0\nintr 12345\n";
    // busy = user + nice + system + irq + softirq + steal; total adds idle and iowait
    assertArrayEquals(new long[] {161, 981}, ProcCpu.parseMachineTicks(procStat));
  }

  @Test
  void readsThisProcessWhereProcExists() throws IOException {
    if (Files.exists(Path.of("/proc/self/stat"))) {
      assertTrue(ProcCpu.processTicks("self") >= 0);
      long[] machine = ProcCpu.machineTicks();
      assertTrue(machine[1] >= machine[0] && machine[0] >= 0);
    }
  }
}
