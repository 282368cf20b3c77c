package org.hearth.domain.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seconds of a period a VM is billed for: the time it was {@code RUNNING} by its state history
 * while its node was not in an outage. Whole seconds, rounded down.
 */
public final class BilledTime {

  /** A VM's move into a state ({@code running} or not) at an instant. */
  public record StateChange(Instant at, boolean running) {}

  /** A stretch its node was offline; {@code end} null while it lasts. */
  public record Outage(Instant start, Instant end) {}

  private BilledTime() {}

  /**
   * @param changes the VM's state changes, oldest first
   * @param outages its node's outages, in any order
   */
  public static long seconds(
      List<StateChange> changes, List<Outage> outages, Instant from, Instant to) {
    long millis = 0;
    Instant runningSince = null;
    for (StateChange change : changes) {
      if (change.running() && runningSince == null) {
        runningSince = change.at();
      } else if (!change.running() && runningSince != null) {
        millis += onlineMillis(runningSince, change.at(), outages, from, to);
        runningSince = null;
      }
    }
    if (runningSince != null) {
      millis += onlineMillis(runningSince, to, outages, from, to);
    }
    return millis / 1000;
  }

  /** Milliseconds of {@code [start, end) ∩ [from, to)} outside every outage. */
  private static long onlineMillis(
      Instant start, Instant end, List<Outage> outages, Instant from, Instant to) {
    Instant a = start.isBefore(from) ? from : start;
    Instant b = end.isAfter(to) ? to : end;
    if (!a.isBefore(b)) {
      return 0;
    }
    long total = Duration.between(a, b).toMillis();
    Instant coveredUntil = a;
    List<Outage> sorted = new ArrayList<>(outages);
    sorted.sort(Comparator.comparing(Outage::start));
    for (Outage outage : sorted) {
      Instant os = outage.start().isBefore(coveredUntil) ? coveredUntil : outage.start();
      Instant oe = outage.end() == null || outage.end().isAfter(b) ? b : outage.end();
      if (os.isBefore(oe)) {
        total -= Duration.between(os, oe).toMillis();
        coveredUntil = oe;
      }
    }
    return total;
  }
}
