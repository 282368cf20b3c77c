package org.hearth.application.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UptimeCalculatorTest {

  private final UptimeCalculator uptime =
      new UptimeCalculator(Duration.ofDays(30), Duration.ofSeconds(15));
  private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void aNodeThatMissedNothingIsFullyUp() {
    assertEquals(100.0, uptime.percent(now.minus(Duration.ofDays(3)), now, 0));
  }

  @Test
  void aYoungNodeIsMeasuredSinceItsRegistration() {
    // one hour = 240 intervals, 24 missed
    assertEquals(90.0, uptime.percent(now.minus(Duration.ofHours(1)), now, 24));
  }

  @Test
  void anOldNodeIsMeasuredOverThirtyDays() {
    long expected = 30L * 5760;
    assertEquals(99.0, uptime.percent(now.minus(Duration.ofDays(400)), now, expected / 100));
    assertEquals(
        LocalDate.parse("2026-10-23"), uptime.firstDay(now.minus(Duration.ofDays(400)), now));
  }

  @Test
  void staysWithinZeroAndHundred() {
    assertEquals(0.0, uptime.percent(now.minus(Duration.ofMinutes(1)), now, 1000));
    assertEquals(100.0, uptime.percent(now, now, 0));
  }

  @Test
  void roundsToTwoDecimals() {
    // 3 of 240 missed = 98.75 %; 1 of 5760 missed = 99.98263 % -> 99.98
    assertEquals(98.75, uptime.percent(now.minus(Duration.ofHours(1)), now, 3));
    assertEquals(99.98, uptime.percent(now.minus(Duration.ofDays(1)), now, 1));
  }
}
