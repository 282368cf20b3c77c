package org.hearth.application.billing;

import java.util.EnumMap;
import java.util.Map;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * The one place a VM's price is computed. Pure and allocation-free on the scheduler's path ({@link
 * #perHourAmount}); every amount is a count of the settlement asset's smallest unit.
 *
 * <p>A VM's price per hour on a node is the sum of four parts, <b>each rounded up to the next
 * smallest unit on its own</b> (so no part is ever free because another absorbed its fraction):
 *
 * <ul>
 *   <li>compute = ⌈vcpus × points per core × price per point-hour × tier multiplier (bps) / 10,000⌉
 *   <li>memory = ⌈memory MiB × price per GiB-hour / 1,024⌉
 *   <li>disk = disk GiB × price per GiB-hour
 *   <li>GPU = GPUs × price per GPU-hour
 * </ul>
 *
 * All arithmetic is exact on {@code long}; a product or sum that would overflow throws {@link
 * ArithmeticException} rather than wrapping.
 */
public final class PriceCalculator {

  /** 100% in basis points. */
  public static final long FULL_BPS = 10_000;

  /** The largest multiplier accepted: 100×. */
  public static final long MAX_MULTIPLIER_BPS = 1_000_000;

  private static final long MIB_PER_GIB = 1024;
  private static final long SECONDS_PER_HOUR = 3600;

  /**
   * The default tier multipliers: the share of a physical core one vCPU of the tier gets, 1 /
   * overcommit ratio (1, 1/1.5, 1/2, 1/4), with 2/3 rounded up to 6,667 bps. A core filled with
   * vCPUs of any tier then earns its operator the same (STANDARD: 1.5 × 0.6667 ≥ 1), and a tenant
   * pays for the share of a core it is sure to get.
   */
  public static final Map<Tier, Long> DEFAULT_MULTIPLIER_BPS =
      Map.of(
          Tier.GUARANTEED,
          10_000L,
          Tier.STANDARD,
          6_667L,
          Tier.BALANCED,
          5_000L,
          Tier.BURSTABLE,
          2_500L);

  /** Multipliers indexed by {@link Tier#ordinal()}: an array read on the hot path. */
  private final long[] multiplierBps;

  /** A calculator with {@link #DEFAULT_MULTIPLIER_BPS}. */
  public PriceCalculator() {
    this(DEFAULT_MULTIPLIER_BPS);
  }

  /**
   * @param multiplierBps a multiplier for every tier, in basis points (10,000 = 1×)
   * @throws IllegalArgumentException when a tier has none, one is not in [1, {@link
   *     #MAX_MULTIPLIER_BPS}], or a more overcommitted tier costs more than a less overcommitted
   *     one
   */
  public PriceCalculator(Map<Tier, Long> multiplierBps) {
    this.multiplierBps = new long[Tier.values().length];
    Tier previous = null;
    for (Tier tier : Tier.values()) { // declared from least to most overcommitted
      Long bps = multiplierBps.get(tier);
      if (bps == null) {
        throw new IllegalArgumentException("no price multiplier for tier " + tier);
      }
      if (bps < 1 || bps > MAX_MULTIPLIER_BPS) {
        throw new IllegalArgumentException(
            "the price multiplier of tier "
                + tier
                + " must be from 1 to "
                + MAX_MULTIPLIER_BPS
                + " basis points: "
                + bps);
      }
      if (previous != null && bps > this.multiplierBps[previous.ordinal()]) {
        throw new IllegalArgumentException(
            "tier "
                + tier
                + " is more overcommitted than "
                + previous
                + " and must not cost more: "
                + bps
                + " > "
                + this.multiplierBps[previous.ordinal()]
                + " basis points");
      }
      this.multiplierBps[tier.ordinal()] = bps;
      previous = tier;
    }
  }

  /** The multipliers in force, in basis points. */
  public Map<Tier, Long> multipliersBps() {
    Map<Tier, Long> map = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      map.put(tier, multiplierBps[tier.ordinal()]);
    }
    return map;
  }

  /** The hourly price, part by part. */
  public PriceBreakdown breakdown(
      PriceList prices,
      long pointsPerCore,
      Tier tier,
      int vcpus,
      long memoryMib,
      long diskGib,
      int gpus) {
    long compute = compute(prices, pointsPerCore, tier, vcpus);
    long memory = memory(prices, memoryMib);
    long disk = Math.multiplyExact(diskGib, prices.perDiskGibHour().amount());
    long gpu = Math.multiplyExact((long) gpus, prices.perGpuHour().amount());
    return new PriceBreakdown(
        Money.of(compute),
        Money.of(memory),
        Money.of(disk),
        Money.of(gpu),
        Money.of(sum(compute, memory, disk, gpu)));
  }

  /** The hourly price: {@link #breakdown}'s total. */
  public Money perHour(
      PriceList prices,
      long pointsPerCore,
      Tier tier,
      int vcpus,
      long memoryMib,
      long diskGib,
      int gpus) {
    return Money.of(perHourAmount(prices, pointsPerCore, tier, vcpus, memoryMib, diskGib, gpus));
  }

  /** {@link #perHour} as a bare amount, for the scheduler's loop over every node. */
  public long perHourAmount(
      PriceList prices,
      long pointsPerCore,
      Tier tier,
      int vcpus,
      long memoryMib,
      long diskGib,
      int gpus) {
    return sum(
        compute(prices, pointsPerCore, tier, vcpus),
        memory(prices, memoryMib),
        Math.multiplyExact(diskGib, prices.perDiskGibHour().amount()),
        Math.multiplyExact((long) gpus, prices.perGpuHour().amount()));
  }

  private long compute(PriceList prices, long pointsPerCore, Tier tier, int vcpus) {
    long points = Math.multiplyExact((long) vcpus, pointsPerCore);
    long fullPrice = Math.multiplyExact(points, prices.perPointHour().amount());
    return ceilDiv(Math.multiplyExact(fullPrice, multiplierBps[tier.ordinal()]), FULL_BPS);
  }

  private static long memory(PriceList prices, long memoryMib) {
    return ceilDiv(Math.multiplyExact(memoryMib, prices.perMemoryGibHour().amount()), MIB_PER_GIB);
  }

  private static long sum(long compute, long memory, long disk, long gpu) {
    return Math.addExact(Math.addExact(compute, memory), Math.addExact(disk, gpu));
  }

  /** ⌈a / b⌉ for a ≥ 0, b > 0. */
  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
