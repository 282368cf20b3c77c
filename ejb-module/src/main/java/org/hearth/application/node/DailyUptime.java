package org.hearth.application.node;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node's uptime per UTC day: of the heartbeat intervals a day held while the node was registered
 * (up to now, for today), the share it did not miss.
 */
public final class DailyUptime {

  /** One day's uptime in percent, rounded to two decimals. */
  public record Day(LocalDate day, double percent) {}

  private DailyUptime() {}

  /** The days from {@code days - 1} days ago to today, skipping those before registration. */
  public static List<Day> of(
      Instant registeredAt,
      Instant now,
      int days,
      Duration heartbeatInterval,
      Map<LocalDate, Long> missedByDay) {
    List<Day> result = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant from = start.isBefore(registeredAt) ? registeredAt : start;
      Instant to = end.isAfter(now) ? now : end;
      if (!from.isBefore(to)) {
        continue;
      }
      long expected = Duration.between(from, to).toMillis() / heartbeatInterval.toMillis();
      long missed = Math.min(expected, missedByDay.getOrDefault(day, 0L));
      double percent =
          expected <= 0 ? 100.0 : Math.round(10_000.0 * (expected - missed) / expected) / 100.0;
      result.add(new Day(day, percent));
    }
    return result;
  }
}
