package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

  private static final PriceCalculator DEFAULTS = new PriceCalculator();

  /** 12 per point-hour, 3000 per memory GiB-hour, 50 per disk GiB-hour, 200,000 per GPU-hour. */
  private static final PriceList LIST = PriceList.of(12, 3000, 50, 200_000);

  @Test
  void aHandComputedBreakdown() {
    // STANDARD, 3 vCPUs of a 1000-point core, 1.5 GiB, 20 GiB disk, one GPU:
    // compute ⌈3 × 1000 × 12 × 6667 / 10000⌉ = ⌈24001.2⌉ = 24002
    // memory  1536 × 3000 / 1024 = 4500 (exact)
    // disk    20 × 50 = 1000
    // GPU     1 × 200000 = 200000
    PriceBreakdown breakdown = DEFAULTS.breakdown(LIST, 1000, Tier.STANDARD, 3, 1536, 20, 1);

    assertEquals(
        new PriceBreakdown(
            Money.of(24_002),
            Money.of(4_500),
            Money.of(1_000),
            Money.of(200_000),
            Money.of(229_502)),
        breakdown);
    assertEquals(Money.of(229_502), DEFAULTS.perHour(LIST, 1000, Tier.STANDARD, 3, 1536, 20, 1));
    assertEquals(229_502, DEFAULTS.perHourAmount(LIST, 1000, Tier.STANDARD, 3, 1536, 20, 1));
  }

  @Test
  void theTierMultiplierScalesOnlyTheComputePart() {
    // 2 vCPUs × 1000 points × 12 = 24000 before the multiplier; memory 1024 MiB × 3000 / 1024
    assertEquals(Money.of(24_000), compute(Tier.GUARANTEED, 2));
    assertEquals(Money.of(16_001), compute(Tier.STANDARD, 2)); // ⌈16000.8⌉
    assertEquals(Money.of(12_000), compute(Tier.BALANCED, 2));
    assertEquals(Money.of(6_000), compute(Tier.BURSTABLE, 2));
    for (Tier tier : Tier.values()) {
      assertEquals(
          Money.of(3000),
          DEFAULTS.breakdown(LIST, 1000, tier, 2, 1024, 0, 0).memory(),
          tier.name());
    }
  }

  @Test
  void eachPartIsRoundedUpOnItsOwn() {
    PriceList ones = PriceList.of(1, 1, 1, 1);
    // compute 1 × 1 × 1 × 0.5 = 0.5 → 1; memory 512 MiB × 1 / 1024 = 0.5 → 1: total 2, not 1
    PriceBreakdown halves = DEFAULTS.breakdown(ones, 1, Tier.BALANCED, 1, 512, 0, 0);
    assertEquals(Money.of(1), halves.compute());
    assertEquals(Money.of(1), halves.memory());
    assertEquals(Money.of(2), halves.total());
    // A quarter point rounds up to 1; exact values are not rounded.
    assertEquals(Money.of(1), DEFAULTS.breakdown(ones, 1, Tier.BURSTABLE, 1, 1, 0, 0).compute());
    assertEquals(Money.of(1), DEFAULTS.breakdown(ones, 1, Tier.GUARANTEED, 1, 1, 0, 0).compute());
    assertEquals(Money.of(1), DEFAULTS.breakdown(ones, 1, Tier.BURSTABLE, 4, 1, 0, 0).compute());
    assertEquals(Money.of(2), DEFAULTS.breakdown(ones, 1, Tier.BURSTABLE, 5, 1, 0, 0).compute());
    // Memory: 1 MiB costs a unit; 1024 MiB exactly the GiB price; 1025 MiB one unit more.
    assertEquals(Money.of(1), DEFAULTS.breakdown(ones, 1, Tier.GUARANTEED, 1, 1, 0, 0).memory());
    assertEquals(Money.of(1), DEFAULTS.breakdown(ones, 1, Tier.GUARANTEED, 1, 1024, 0, 0).memory());
    assertEquals(Money.of(2), DEFAULTS.breakdown(ones, 1, Tier.GUARANTEED, 1, 1025, 0, 0).memory());
  }

  @Test
  void aFreeListOrAFreePartCostsNothing() {
    assertEquals(
        Money.ZERO, DEFAULTS.perHour(PriceList.FREE, 1000, Tier.GUARANTEED, 8, 65_536, 500, 2));
    PriceBreakdown noGpu = DEFAULTS.breakdown(LIST, 0, Tier.GUARANTEED, 1, 1024, 0, 0);
    assertEquals(Money.ZERO, noGpu.compute()); // a node without benchmark points
    assertEquals(Money.ZERO, noGpu.disk());
    assertEquals(Money.ZERO, noGpu.gpu());
    assertEquals(Money.of(3000), noGpu.total());
  }

  @Test
  void overflowIsAnErrorNeverAWrappedPrice() {
    PriceList huge = PriceList.of(Long.MAX_VALUE / 2, 0, 0, 0);
    assertThrows(
        ArithmeticException.class, () -> DEFAULTS.breakdown(huge, 1000, Tier.STANDARD, 1, 1, 0, 0));
    assertThrows(
        ArithmeticException.class,
        () -> DEFAULTS.perHourAmount(huge, 1000, Tier.STANDARD, 1, 1, 0, 0));
    // The multiplier's product overflows even where the quotient would fit: still an error.
    PriceList justBelow = PriceList.of(Long.MAX_VALUE / 1000, 0, 0, 0);
    assertThrows(
        ArithmeticException.class,
        () -> DEFAULTS.perHour(justBelow, 1, Tier.GUARANTEED, 1, 1, 0, 0));
    PriceList memory = PriceList.of(0, Long.MAX_VALUE, 0, 0);
    assertThrows(
        ArithmeticException.class, () -> DEFAULTS.perHour(memory, 1, Tier.GUARANTEED, 1, 2, 0, 0));
    // Parts that fit on their own but not together.
    PriceList diskAndGpu = PriceList.of(0, 0, Long.MAX_VALUE, 1);
    assertEquals(
        Money.of(Long.MAX_VALUE), DEFAULTS.perHour(diskAndGpu, 1, Tier.GUARANTEED, 1, 0, 1, 0));
    assertThrows(
        ArithmeticException.class,
        () -> DEFAULTS.perHour(diskAndGpu, 1, Tier.GUARANTEED, 1, 0, 1, 1));
  }

  @Test
  void configuredMultipliersAreUsed() {
    Map<Tier, Long> bps = new EnumMap<>(Tier.class);
    bps.put(Tier.GUARANTEED, 12_000L); // a premium on dedicated cores
    bps.put(Tier.STANDARD, 8_000L);
    bps.put(Tier.BALANCED, 8_000L); // equal is allowed
    bps.put(Tier.BURSTABLE, 1L);
    PriceCalculator calculator = new PriceCalculator(bps);
    PriceList points = PriceList.of(12, 0, 0, 0);

    assertEquals(Money.of(14_400), calculator.perHour(points, 1000, Tier.GUARANTEED, 1, 0, 0, 0));
    assertEquals(Money.of(9_600), calculator.perHour(points, 1000, Tier.BALANCED, 1, 0, 0, 0));
    assertEquals(Money.of(2), calculator.perHour(points, 1000, Tier.BURSTABLE, 1, 0, 0, 0));
    assertEquals(bps, calculator.multipliersBps());
  }

  @Test
  void badMultipliersAreRefused() {
    assertRefused(Map.of(Tier.GUARANTEED, 10_000L), "no price multiplier for tier STANDARD");
    assertRefused(withBurstable(0L), "must be from 1 to 1000000");
    assertRefused(withBurstable(-5L), "must be from 1 to 1000000");
    Map<Tier, Long> tooHigh = new EnumMap<>(PriceCalculator.DEFAULT_MULTIPLIER_BPS);
    tooHigh.put(Tier.GUARANTEED, 1_000_001L);
    assertRefused(tooHigh, "must be from 1 to 1000000");
    assertRefused(withBurstable(5_001L), "tier BURSTABLE is more overcommitted than BALANCED");
  }

  @Test
  void aPriceListRefusesNegativeOrMissingPrices() {
    assertThrows(IllegalArgumentException.class, () -> PriceList.of(1, -1, 0, 0));
    assertThrows(
        NullPointerException.class, () -> new PriceList(Money.ZERO, null, Money.ZERO, Money.ZERO));
  }

  private static Money compute(Tier tier, int vcpus) {
    return DEFAULTS.breakdown(LIST, 1000, tier, vcpus, 1024, 0, 0).compute();
  }

  private static Map<Tier, Long> withBurstable(long bps) {
    Map<Tier, Long> map = new EnumMap<>(PriceCalculator.DEFAULT_MULTIPLIER_BPS);
    map.put(Tier.BURSTABLE, bps);
    return map;
  }

  private static void assertRefused(Map<Tier, Long> bps, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PriceCalculator(bps));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
