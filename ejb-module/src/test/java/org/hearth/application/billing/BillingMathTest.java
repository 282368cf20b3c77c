package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class BillingMathTest {

  @Test
  void periodsStartAtMultiplesOfTheirLength() {
    Duration tenMinutes = Duration.ofMinutes(10);
    assertEquals(
        Instant.parse("2026-11-22T10:20:00Z"),
        BillingMath.periodStart(Instant.parse("2026-11-22T10:29:59.999Z"), tenMinutes));
    assertEquals(
        Instant.parse("2026-11-22T10:30:00Z"),
        BillingMath.periodStart(Instant.parse("2026-11-22T10:30:00Z"), tenMinutes));
  }

  @Test
  void amountsForSecondsRoundUp() {
    assertEquals(Money.of(6000), BillingMath.forSeconds(Money.of(36_000), 600));
    assertEquals(Money.of(1), BillingMath.forSeconds(Money.of(1), 1));
    assertEquals(Money.of(0), BillingMath.forSeconds(Money.of(1), 0));
    assertEquals(Money.of(4), BillingMath.forSeconds(Money.of(7), 1800)); // 3.5 → 4
    // 229502 × 600 / 3600 = 38250.33… → 38251
    assertEquals(Money.of(38_251), BillingMath.forSeconds(Money.of(229_502), 600));
    assertEquals(Money.of(7_200), BillingMath.forSeconds(Money.of(3_600), 7200));
    assertThrows(
        ArithmeticException.class, () -> BillingMath.forSeconds(Money.of(Long.MAX_VALUE), 2));
  }

  @Test
  void aHoldCountsAStartedSecond() {
    Instant from = Instant.parse("2026-11-22T10:00:00.200Z");
    Instant to = Instant.parse("2026-11-22T10:10:00Z");
    assertEquals(Money.of(600), BillingMath.hold(Money.of(3600), from, to)); // 599.8 s → 600 s
  }

  @Test
  void aChargeNeverExceedsItsHold() {
    assertEquals(Money.of(50), BillingMath.charge(Money.of(3600), 100, Money.of(50)));
    assertEquals(Money.of(30), BillingMath.charge(Money.of(3600), 30, Money.of(50)));
  }

  @Test
  void theFeeRoundsDown() {
    assertEquals(Money.of(4), BillingMath.fee(Money.of(99), 500)); // 4.95 → 4
    assertEquals(Money.of(0), BillingMath.fee(Money.of(19), 500));
    assertEquals(Money.of(99), BillingMath.fee(Money.of(99), 10_000));
  }
}
