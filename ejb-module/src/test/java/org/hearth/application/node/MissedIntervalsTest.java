package org.hearth.application.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissedIntervalsTest {

  private static final Duration FIFTEEN_SECONDS = Duration.ofSeconds(15);
  private static final Instant LAST_SEEN = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void countsOnlyWholeIntervalsSinceLastSeen() {
    MissedIntervals missed =
        MissedIntervals.between(LAST_SEEN, null, LAST_SEEN.plusSeconds(127), FIFTEEN_SECONDS);

    assertEquals(8, missed.total());
    assertEquals(LAST_SEEN.plusSeconds(120), missed.countedUntil());
    assertEquals(Map.of(LocalDate.parse("2026-11-20"), 8L), missed.perDay());
  }

  @Test
  void nothingIsMissedWithinTheFirstInterval() {
    MissedIntervals missed =
        MissedIntervals.between(LAST_SEEN, null, LAST_SEEN.plusSeconds(14), FIFTEEN_SECONDS);

    assertEquals(0, missed.total());
    assertTrue(missed.perDay().isEmpty());
  }

  @Test
  void countingAgainFromTheClaimNeverCountsAnIntervalTwice() {
    Instant now = LAST_SEEN;
    long total = 0;
    Instant countedUntil = null;
    for (int check = 0; check < 40; check++) {
      now = now.plusSeconds(7); // health checks every 7 s, not aligned with the interval
      MissedIntervals missed =
          MissedIntervals.between(LAST_SEEN, countedUntil, now, FIFTEEN_SECONDS);
      total += missed.total();
      if (missed.total() > 0) {
        countedUntil = missed.countedUntil();
      }
    }
    assertEquals(280 / 15, total);
  }

  @Test
  void aRecoveredNodeIsCountedFromItsNewLastHeartbeat() {
    Instant oldClaim = LAST_SEEN.plusSeconds(60);
    Instant newHeartbeat = LAST_SEEN.plusSeconds(600);

    MissedIntervals missed =
        MissedIntervals.between(
            newHeartbeat, oldClaim, newHeartbeat.plusSeconds(30), FIFTEEN_SECONDS);

    assertEquals(2, missed.total());
  }

  @Test
  void splitsIntervalsByTheUtcDayTheyStartOn() {
    Instant lastSeen = Instant.parse("2026-11-20T23:59:00Z");

    MissedIntervals missed =
        MissedIntervals.between(lastSeen, null, lastSeen.plusSeconds(150), FIFTEEN_SECONDS);

    assertEquals(
        Map.of(LocalDate.parse("2026-11-20"), 4L, LocalDate.parse("2026-11-21"), 6L),
        missed.perDay());
  }

  @Test
  void spansManyDaysWithoutLoopingPerInterval() {
    MissedIntervals missed =
        MissedIntervals.between(
            LAST_SEEN, null, LAST_SEEN.plus(Duration.ofDays(3)), FIFTEEN_SECONDS);

    assertEquals(3 * 5760, missed.total());
    assertEquals(4, missed.perDay().size());
    assertEquals(5760, missed.perDay().get(LocalDate.parse("2026-11-21")));
  }
}
