package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiTest {

  @Test
  void parsesNameAndMemoryPerLine() {
    String output =
        """
        NVIDIA GeForce RTX 4090, 24564
        NVIDIA A100-SXM4-80GB, 81920

        """;
    assertEquals(
        List.of(new Gpu("NVIDIA GeForce RTX 4090", 24564), new Gpu("NVIDIA A100-SXM4-80GB", 81920)),
        NvidiaSmi.parse(output));
  }

  @Test
  void skipsLinesWithoutAKnownMemorySize() {
    String output = "NVIDIA A100 MIG 1g.10gb, [N/A]\ngarbage\n, 100\nTesla T4, 15360\n";
    assertEquals(List.of(new Gpu("Tesla T4", 15360)), NvidiaSmi.parse(output));
  }

  @Test
  void noOutputMeansNoGpus() {
    assertEquals(List.of(), NvidiaSmi.parse(""));
  }
}
