package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  private static final OpenLoopSchedule TEN_THOUSAND =
      new OpenLoopSchedule(
          10_000, Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(60));

  @Test
  void spreadsTheNodesStartsEvenlyOverTheFirstInterval() {
    assertEquals(0, TEN_THOUSAND.dueNanos(0));
    assertEquals(1_500_000, TEN_THOUSAND.dueNanos(1));
    assertEquals(7_500_000_000L, TEN_THOUSAND.dueNanos(5_000));
    assertEquals(14_998_500_000L, TEN_THOUSAND.dueNanos(9_999));
  }

  @Test
  void eachNodeBeatsOncePerInterval() {
    for (long k : new long[] {0, 1, 4_321, 9_999}) {
      assertEquals(TEN_THOUSAND.node(k), TEN_THOUSAND.node(k + 10_000));
      assertEquals(TEN_THOUSAND.round(k) + 1, TEN_THOUSAND.round(k + 10_000));
      assertEquals(15_000_000_000L, TEN_THOUSAND.dueNanos(k + 10_000) - TEN_THOUSAND.dueNanos(k));
    }
  }

  @Test
  void everyNodeBeatsInEveryInterval() {
    Set<Integer> nodes = new HashSet<>();
    for (long k = 30_000; k < 40_000; k++) {
      nodes.add(TEN_THOUSAND.node(k));
    }
    assertEquals(10_000, nodes.size());
  }

  @Test
  void theTargetRateIsNodesPerInterval() {
    assertEquals(666.67, TEN_THOUSAND.ratePerSecond(), 0.01);
  }

  @Test
  void measuresExactlyTheRequestsDueInTheWindow() {
    // 75 s at 666.67/s: 50,000 requests, the first 10,000 in the 15 s warm-up.
    assertEquals(50_000, TEN_THOUSAND.requests());
    assertEquals(10_000, TEN_THOUSAND.firstMeasured());
    assertEquals(40_000, TEN_THOUSAND.measuredRequests());
    assertFalse(TEN_THOUSAND.measured(9_999));
    assertTrue(TEN_THOUSAND.measured(10_000));
    assertTrue(TEN_THOUSAND.measured(49_999));
    assertFalse(TEN_THOUSAND.measured(50_000));
  }

  @Test
  void countsRequestsWhenTheIntervalDoesNotDivideEvenly() {
    OpenLoopSchedule odd =
        new OpenLoopSchedule(
            7, Duration.ofMillis(1_000), Duration.ofMillis(500), Duration.ofSeconds(1));
    long measured = 0;
    for (long k = 0; k < 1_000; k++) {
      boolean due = odd.dueNanos(k) < odd.endNanos();
      assertEquals(due, k < odd.requests(), "k=" + k);
      if (odd.measured(k)) {
        measured++;
        assertTrue(k >= odd.firstMeasured());
      }
    }
    assertEquals(measured, odd.measuredRequests());
  }

  @Test
  void atRateShrinksTheInterval() {
    OpenLoopSchedule schedule =
        OpenLoopSchedule.atRate(10_000, 2_000, Duration.ZERO, Duration.ofSeconds(60));
    assertEquals(Duration.ofSeconds(5), schedule.interval());
    assertEquals(2_000, schedule.ratePerSecond(), 1e-9);
    assertEquals(120_000, schedule.requests());
  }

  @Test
  void refusesNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OpenLoopSchedule(0, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OpenLoopSchedule(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> OpenLoopSchedule.atRate(1, 0, Duration.ZERO, Duration.ofSeconds(1)));
  }
}
