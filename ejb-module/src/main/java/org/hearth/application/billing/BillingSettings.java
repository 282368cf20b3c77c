package org.hearth.application.billing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.application.node.NodeSettings;

/** Billing settings ({@code hearth.billing.*}). */
@ApplicationScoped
public class BillingSettings {

  @Inject
  @ConfigProperty(name = "hearth.billing.period", defaultValue = "PT10M")
  Duration period;

  @Inject
  @ConfigProperty(name = "hearth.billing.tick", defaultValue = "PT5S")
  Duration tick;

  @Inject
  @ConfigProperty(name = "hearth.billing.platform-fee-bps", defaultValue = "500")
  int platformFeeBps;

  @Inject
  @ConfigProperty(name = "hearth.billing.warn-periods", defaultValue = "3")
  int warnPeriods;

  @Inject
  @ConfigProperty(name = "hearth.billing.retain-suspended", defaultValue = "PT72H")
  Duration retainSuspended;

  @Inject
  @ConfigProperty(name = "hearth.billing.webhook-url")
  Optional<String> webhookUrl;

  @Inject
  @ConfigProperty(name = "hearth.billing.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "hearth.billing.batch-pause", defaultValue = "PT0S")
  Duration batchPause;

  @Inject NodeSettings nodes;

  @PostConstruct
  void validate() {
    if (period.toSeconds() < 1
        || period.compareTo(Duration.ofDays(1)) > 0
        || period.getNano() != 0) {
      throw new IllegalStateException(
          "hearth.billing.period must be whole seconds, 1 s to 1 day: " + period);
    }
    if (platformFeeBps < 0 || platformFeeBps > 10_000) {
      throw new IllegalStateException("hearth.billing.platform-fee-bps must be 0 to 10000");
    }
    if (warnPeriods < 0
        || batchSize < 1
        || tick.isNegative()
        || tick.isZero()
        || batchPause.isNegative()) {
      throw new IllegalStateException(
          "hearth.billing: warn-periods, batch-size, batch-pause or tick invalid");
    }
  }

  /** The length of a billing period; periods start at multiples of it since the epoch (UTC). */
  public Duration period() {
    return period;
  }

  /** How often the billing timer looks for periods to hold and settle. */
  public Duration tick() {
    return tick;
  }

  /** The platform's share of every charge, in basis points. */
  public int platformFeeBps() {
    return platformFeeBps;
  }

  /** Tenants are warned when their balance covers fewer periods than this. */
  public int warnPeriods() {
    return warnPeriods;
  }

  /** How long a suspended VM keeps its place (and its files) for a top-up. */
  public Duration retainSuspended() {
    return retainSuspended;
  }

  /** Where account notices are POSTed as JSON, if anywhere. */
  public Optional<String> webhookUrl() {
    return webhookUrl.filter(url -> !url.isBlank());
  }

  /** Leases (or charges) per billing transaction. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * A pause between two batches of one cycle, to spread a large cycle's database load (and, in the
   * crash tests, to have a cycle still in progress when the server is killed).
   */
  public Duration batchPause() {
    return batchPause;
  }

  /**
   * How long after its end a period is settled: until then its node may have fallen silent without
   * being marked offline yet (offline-after, plus one health check), and the outage would be
   * billed.
   */
  public Duration settleAfter() {
    return nodes.offlineAfter().plus(healthCheckInterval());
  }

  /** How often the nodes' health is checked (and their outages recorded). */
  public Duration healthCheckInterval() {
    return nodes.healthCheckInterval();
  }

  /** How early the next period is held: a fifth of a period, at most a minute. */
  public Duration holdLead() {
    Duration fifth = period.dividedBy(5);
    return fifth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : fifth;
  }
}
