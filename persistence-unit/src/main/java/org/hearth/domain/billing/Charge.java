package org.hearth.domain.billing;

import java.time.Instant;

/**
 * One lease's billing period {@code [periodStart, periodEnd)} (cut short when the lease closed):
 * {@code held} in advance; once settled, {@code charged} of it (with the platform's {@code fee})
 * for {@code billedSeconds}.
 */
public record Charge(
    String vmId,
    Instant periodStart,
    Instant periodEnd,
    String tenantAccountId,
    String nodeId,
    String earner,
    long pricePerHour,
    long held,
    Long billedSeconds,
    Long charged,
    Long fee) {

  /** The same period, settled. */
  public Charge settled(long billedSeconds, long charged, long fee) {
    return new Charge(
        vmId,
        periodStart,
        periodEnd,
        tenantAccountId,
        nodeId,
        earner,
        pricePerHour,
        held,
        billedSeconds,
        charged,
        fee);
  }
}
