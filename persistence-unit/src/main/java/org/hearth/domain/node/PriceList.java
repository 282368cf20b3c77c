package org.hearth.domain.node;

import java.util.Objects;
import org.hearth.protocol.money.Money;

/**
 * What a node charges, each price per hour in the settlement asset's smallest unit. A VM's hourly
 * price is computed from it by {@code org.hearth.application.billing.PriceCalculator}.
 *
 * @param perPointHour one compute point (see the node agent's CPU benchmark) for one hour
 * @param perMemoryGibHour one GiB of memory for one hour
 * @param perDiskGibHour one GiB of disk for one hour
 * @param perGpuHour one whole GPU for one hour
 */
public record PriceList(
    Money perPointHour, Money perMemoryGibHour, Money perDiskGibHour, Money perGpuHour) {

  /** Everything free. */
  public static final PriceList FREE = of(0, 0, 0, 0);

  public PriceList {
    check("perPointHour", perPointHour);
    check("perMemoryGibHour", perMemoryGibHour);
    check("perDiskGibHour", perDiskGibHour);
    check("perGpuHour", perGpuHour);
  }

  public static PriceList of(
      long perPointHour, long perMemoryGibHour, long perDiskGibHour, long perGpuHour) {
    return new PriceList(
        Money.of(perPointHour),
        Money.of(perMemoryGibHour),
        Money.of(perDiskGibHour),
        Money.of(perGpuHour));
  }

  private static void check(String name, Money price) {
    Objects.requireNonNull(price, name);
    if (price.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + price.amount());
    }
  }
}
