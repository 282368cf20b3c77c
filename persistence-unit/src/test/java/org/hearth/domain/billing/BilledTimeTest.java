package org.hearth.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.hearth.domain.billing.BilledTime.Outage;
import org.hearth.domain.billing.BilledTime.StateChange;
import org.junit.jupiter.api.Test;

class BilledTimeTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  private static StateChange running(double s) {
    return new StateChange(at(s), true);
  }

  private static StateChange stopped(double s) {
    return new StateChange(at(s), false);
  }

  @Test
  void countsOnlyRunningTimeInsideThePeriod() {
    List<StateChange> changes = List.of(stopped(-100), running(-50), stopped(30), running(400));
    assertEquals(30 + 200, BilledTime.seconds(changes, List.of(), at(0), at(600)));
  }

  @Test
  void aVmStillRunningIsBilledToThePeriodEnd() {
    assertEquals(
        600, BilledTime.seconds(List.of(stopped(-5), running(-1)), List.of(), at(0), at(600)));
  }

  @Test
  void neverRunningIsNothing() {
    assertEquals(0, BilledTime.seconds(List.of(stopped(-5)), List.of(), at(0), at(600)));
    assertEquals(0, BilledTime.seconds(List.of(), List.of(), at(0), at(600)));
    assertEquals(0, BilledTime.seconds(List.of(running(700)), List.of(), at(0), at(600)));
  }

  @Test
  void outagesAreNotBilledAndOverlapsCountOnce() {
    List<StateChange> changes = List.of(running(0));
    List<Outage> outages =
        List.of(
            new Outage(at(100), at(200)),
            new Outage(at(150), at(250)),
            new Outage(at(-100), at(10)),
            new Outage(at(590), null));
    assertEquals(600 - 10 - 150 - 10, BilledTime.seconds(changes, outages, at(0), at(600)));
  }

  @Test
  void aRestartIsNotBilledWhileProvisioning() {
    List<StateChange> changes = List.of(running(0), stopped(100), running(160));
    assertEquals(100 + 440, BilledTime.seconds(changes, List.of(), at(0), at(600)));
  }

  @Test
  void partialSecondsRoundDown() {
    assertEquals(
        2, BilledTime.seconds(List.of(running(0.4), stopped(2.9)), List.of(), at(0), at(600)));
  }
}
