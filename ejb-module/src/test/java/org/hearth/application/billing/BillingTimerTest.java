package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.application.node.NodeSettings;
import org.hearth.infrastructure.time.ServerStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BillingTimer}: what a tick runs, and when a starting server begins to settle. */
class BillingTimerTest {

  private static final Duration HEALTH_CHECK = Duration.ofSeconds(30);

  private final BillingTimer timer = new BillingTimer();
  private final List<String> batches = new ArrayList<>();
  private final List<Duration> graceAsked = new ArrayList<>();
  private boolean graceOver;
  private int settlementsDue;
  private int holdsDue;

  @BeforeEach
  void wire() {
    timer.cycle =
        new BillingCycle() {
          @Override
          public int settleEndedPeriods() {
            batches.add("settle");
            return settlementsDue-- > 0 ? 500 : 0;
          }

          @Override
          public int holdNextPeriods() {
            batches.add("hold");
            return holdsDue-- > 0 ? 500 : 0;
          }
        };
    BillingSettings settings = new BillingSettings();
    settings.batchPause = Duration.ZERO;
    settings.nodes =
        new NodeSettings() {
          @Override
          public Duration healthCheckInterval() {
            return HEALTH_CHECK;
          }
        };
    timer.settings = settings;
    timer.serverStart =
        new ServerStart() {
          @Override
          public boolean graceOver(Duration then) {
            graceAsked.add(then);
            return graceOver;
          }
        };
  }

  @Test
  void settlesThenHoldsBatchAfterBatchUntilNoneIsDue() {
    graceOver = true;
    settlementsDue = 2;
    holdsDue = 1;

    timer.tick();

    assertEquals(List.of("settle", "settle", "settle", "hold", "hold"), batches);
  }

  @Test
  void aStartingServerHoldsButSettlesNothingUntilTheNodesHealthIsKnown() {
    settlementsDue = 1;
    holdsDue = 1;

    timer.tick();

    assertEquals(List.of("hold", "hold"), batches, "holds do not wait: nobody is charged yet");
    assertEquals(List.of(HEALTH_CHECK), graceAsked, "the grace and one more health check");

    graceOver = true;
    batches.clear();
    timer.tick();

    assertEquals(List.of("settle", "settle", "hold"), batches);
  }
}
