package org.hearth.application.node;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A node's uptime over a sliding window (30 days, or since registration if younger): {@code
 * (expected - missed) / expected}, where {@code expected = window / heartbeat interval}. Missed
 * intervals are those the health monitor recorded plus those a node that is offline right now has
 * missed since, so the figure never waits for the next health check.
 */
public record UptimeCalculator(Duration window, Duration heartbeatInterval) {

  /** The first UTC day whose recorded missed heartbeats count for a node at {@code now}. */
  public LocalDate firstDay(Instant registeredAt, Instant now) {
    return LocalDate.ofInstant(windowStart(registeredAt, now), ZoneOffset.UTC);
  }

  /**
   * @return uptime in percent, rounded to two decimals, in [0, 100]
   */
  public double percent(Instant registeredAt, Instant now, long missedIntervals) {
    long expected =
        Duration.between(windowStart(registeredAt, now), now).toMillis()
            / heartbeatInterval.toMillis();
    if (expected <= 0) {
      return 100.0;
    }
    long missed = Math.min(expected, Math.max(0, missedIntervals));
    return Math.round(10_000.0 * (expected - missed) / expected) / 100.0;
  }

  private Instant windowStart(Instant registeredAt, Instant now) {
    Instant windowStart = now.minus(window);
    return registeredAt.isAfter(windowStart) ? registeredAt : windowStart;
  }
}
