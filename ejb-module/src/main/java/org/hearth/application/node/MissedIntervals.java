package org.hearth.application.node;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The heartbeat intervals a silent node missed since it was last seen (or since the downtime
 * counted so far), split by the UTC day each interval starts on. Only whole intervals count; the
 * remainder is counted later, so counting repeatedly never counts an interval twice.
 *
 * @param countedUntil the end of the last whole interval counted
 * @param perDay missed intervals per UTC day, oldest first
 */
public record MissedIntervals(Instant countedUntil, Map<LocalDate, Long> perDay) {

  public MissedIntervals {
    perDay = Collections.unmodifiableMap(new TreeMap<>(perDay));
  }

  /**
   * @param lastSeen when the node was last alive
   * @param countedUntil how far its downtime has already been counted, or null
   */
  public static MissedIntervals between(
      Instant lastSeen, Instant countedUntil, Instant now, Duration interval) {
    Instant from = countedUntil != null && countedUntil.isAfter(lastSeen) ? countedUntil : lastSeen;
    long intervalMillis = interval.toMillis();
    long whole = Math.max(0, Duration.between(from, now).toMillis() / intervalMillis);
    Map<LocalDate, Long> perDay = new TreeMap<>();
    long remaining = whole;
    Instant start = from;
    while (remaining > 0) {
      LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
      Instant nextDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      long startingToday =
          Math.min(remaining, ceilDiv(Duration.between(start, nextDay).toMillis(), intervalMillis));
      perDay.merge(day, startingToday, Long::sum);
      remaining -= startingToday;
      start = start.plusMillis(startingToday * intervalMillis);
    }
    return new MissedIntervals(from.plusMillis(whole * intervalMillis), perDay);
  }

  public long total() {
    return perDay.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
