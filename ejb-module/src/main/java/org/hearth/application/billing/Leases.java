package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.Lease;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/**
 * Opens a VM's lease when it is placed, holding the rest of the current billing period from the
 * tenant's balance at once, and closes it when the VM stops. Runs in the caller's transaction.
 */
@Stateless
public class Leases {

  @Inject LeaseStore store;
  @Inject Ledger ledger;
  @Inject BillingSettings settings;
  @Inject Clock clock;

  /**
   * Opens the lease at the VM's locked hourly price and holds the rest of this period.
   *
   * @param operatorAccountId the node's operator, or null while nobody has claimed the node
   * @return why the tenant cannot pay the hold, if it cannot; then nothing changed
   */
  public Optional<InsufficientFundsException> open(
      String vmId,
      String tenantAccountId,
      String nodeId,
      String operatorAccountId,
      Money pricePerHour) {
    Instant now = clock.instant();
    Instant periodEnd = BillingMath.periodStart(now, settings.period()).plus(settings.period());
    Money held = BillingMath.hold(pricePerHour, now, periodEnd);
    String key = BillingCycle.holdKey(vmId, now);
    Movement.Builder hold =
        Movement.builder(key, MovementType.HOLD, vmId)
            .move(
                LedgerAccountRef.tenantAvailable(tenantAccountId),
                LedgerAccountRef.tenantHeld(tenantAccountId),
                held);
    if (!hold.isEmpty()) {
      PostResult result = ledger.postAll(List.of(hold.build()));
      if (result.refused(key)) {
        return Optional.of(result.refused().get(key));
      }
    }
    String earner = earner(nodeId, operatorAccountId);
    store.open(
        new Lease(vmId, tenantAccountId, nodeId, earner, pricePerHour.amount(), now, periodEnd));
    store.insertCharges(
        List.of(
            new Charge(
                vmId,
                now,
                periodEnd,
                tenantAccountId,
                nodeId,
                earner,
                pricePerHour.amount(),
                held.amount(),
                null,
                null,
                null)));
    return Optional.empty();
  }

  /** Closes the lease of a VM that stopped running for good or was suspended (idempotent). */
  public void close(String vmId) {
    store.close(vmId, clock.instant());
  }

  /** Who earns what a node's VMs pay: its operator, or the node itself until one claims it. */
  static String earner(String nodeId, String operatorAccountId) {
    return operatorAccountId != null ? operatorAccountId : "node:" + nodeId;
  }
}
