package org.hearth.application.billing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.hearth.protocol.compute.Tier;

/**
 * Pricing configuration: the tier multipliers ({@code hearth.pricing.tier-multiplier-bps.<TIER>},
 * basis points, defaults {@link PriceCalculator#DEFAULT_MULTIPLIER_BPS}). Read and checked when the
 * application starts: a bad value stops the deployment with a message naming the key, rather than
 * pricing VMs wrongly.
 */
@ApplicationScoped
public class PricingSettings {

  private static final System.Logger LOG = System.getLogger(PricingSettings.class.getName());

  public static final String MULTIPLIER_KEY = "hearth.pricing.tier-multiplier-bps.";

  @Inject Config config;

  private PriceCalculator calculator;

  @PostConstruct
  void start() {
    Map<Tier, Long> multipliers = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      String key = MULTIPLIER_KEY + tier.name();
      try {
        multipliers.put(
            tier,
            config
                .getOptionalValue(key, Long.class)
                .orElse(PriceCalculator.DEFAULT_MULTIPLIER_BPS.get(tier)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(key + ": expected a whole number of basis points", e);
      }
    }
    try {
      calculator = new PriceCalculator(multipliers);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "invalid pricing configuration (" + MULTIPLIER_KEY + "*): " + e.getMessage(), e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Pricing: tier multipliers {0} (basis points)",
        calculator.multipliersBps());
  }

  /** Checks the configuration when the application starts, not at the first quote. */
  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Observing is enough: CDI creates the bean (and runs start()) to deliver the event.
  }

  public PriceCalculator calculator() {
    return calculator;
  }
}
