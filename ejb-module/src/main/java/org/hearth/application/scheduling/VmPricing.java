package org.hearth.application.scheduling;

import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * A VM's price per hour on a node: the cores it takes (after its tier's overcommit) × the node's
 * compute points per core × the node's price per point-hour, rounded up to the next smallest unit.
 * Overcommitted tiers take fewer cores and so cost less. (Memory, disk and GPU parts come with the
 * billing issue.)
 */
public final class VmPricing {

  private VmPricing() {}

  public static Money perHour(long pointsPerCore, Money pricePerPointHour, Tier tier, int vcpus) {
    long sharePoints = Math.multiplyExact(tier.coreShares(vcpus), pointsPerCore);
    long priceTimesShares = Math.multiplyExact(sharePoints, pricePerPointHour.amount());
    return Money.of(-Math.floorDiv(-priceTimesShares, (long) Tier.SHARES_PER_CORE));
  }
}
