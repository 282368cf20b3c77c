package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

  @Test
  void busyIsEverythingButIdleAndIowait() {
    CpuTimes times =
        CpuTimes.parse(
            """
            cpu  86812 10 12655 443832 1993 5 244 219 40 0
            cpu0 42419 0 5587 224123 264 0 63 101 0 0
            intr 123 4 5
            """);
    long total = 86812 + 10 + 12655 + 443832 + 1993 + 5 + 244 + 219; // guest is inside user
    assertEquals(total, times.total());
    assertEquals(total - 443832 - 1993, times.busy());
  }

  @Test
  void usageIsTheBusyShareOfTheTicksBetweenTwoSamples() {
    CpuTimes earlier = CpuTimes.parse("cpu  100 0 100 800 0 0 0 0 0 0\n");
    CpuTimes later = CpuTimes.parse("cpu  175 0 100 825 0 0 0 0 0 0\n");

    assertEquals(75.0, later.percentSince(earlier), 1e-9);
    assertEquals(0.0, later.percentSince(later));
  }

  @Test
  void textWithoutTheAggregateLineIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> CpuTimes.parse("cpu0 1 2 3 4\n"));
  }
}
