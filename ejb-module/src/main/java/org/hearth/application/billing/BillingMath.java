package org.hearth.application.billing;

import java.time.Duration;
import java.time.Instant;
import org.hearth.protocol.money.Money;

/**
 * The arithmetic of billing, exact in the asset's smallest unit. A hold is the hourly price for the
 * seconds held, rounded up; a charge is the hourly price for the seconds billed, rounded up but
 * never more than the hold; the platform fee is its share of the charge, rounded down.
 */
public final class BillingMath {

  private static final long SECONDS_PER_HOUR = 3600;

  private BillingMath() {}

  /** The start of the period holding {@code at}: periods start at multiples of their length. */
  public static Instant periodStart(Instant at, Duration period) {
    long length = period.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), length) * length);
  }

  /** {@code pricePerHour} for {@code seconds}, rounded up to the smallest unit. */
  public static Money forSeconds(Money pricePerHour, long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("negative seconds: " + seconds);
    }
    long product = Math.multiplyExact(pricePerHour.amount(), seconds);
    return Money.of(-Math.floorDiv(-product, SECONDS_PER_HOUR));
  }

  /** What is held for {@code [from, to)}: its whole seconds, a started second counting. */
  public static Money hold(Money pricePerHour, Instant from, Instant to) {
    Duration length = Duration.between(from, to);
    long seconds = length.getSeconds() + (length.getNano() > 0 ? 1 : 0);
    return forSeconds(pricePerHour, seconds);
  }

  /** What is charged for {@code billedSeconds} of a period of which {@code held} was held. */
  public static Money charge(Money pricePerHour, long billedSeconds, Money held) {
    Money due = forSeconds(pricePerHour, billedSeconds);
    return due.compareTo(held) > 0 ? held : due;
  }

  /** The platform's share of a charge, rounded down (in the operator's favour). */
  public static Money fee(Money charged, int feeBps) {
    return Money.of(Math.multiplyExact(charged.amount(), feeBps) / 10_000);
  }
}
