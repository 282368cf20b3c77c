package org.hearth.application.billing;

import java.util.List;
import org.hearth.domain.billing.Charge;

/**
 * A batch of billing periods was held or settled: their tenants' balances and their VMs' charges
 * changed. Fired once per batch, inside its transaction (one event, not one per period: a batch
 * holds hundreds); observers that tell the tenants wait for its commit.
 */
public record PeriodsBilled(List<Period> periods) {

  /** A VM's period, and the tenant it is billed to. */
  public record Period(String vmId, String tenantAccountId) {}

  static PeriodsBilled of(List<Charge> charges) {
    return new PeriodsBilled(
        charges.stream().map(c -> new Period(c.vmId(), c.tenantAccountId())).toList());
  }
}
