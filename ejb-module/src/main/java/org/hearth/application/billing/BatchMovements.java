package org.hearth.application.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/**
 * The ledger side of a billing batch: one movement per tenant, with one entry per account, for all
 * of that tenant's periods the batch holds or settles. Each period's own figures stay on its charge
 * row ({@code GET /api/vms/{id}/charges}); a movement per period wrote up to ten times the ledger
 * rows for a tenant with ten VMs (bench/README.md, "Billing cycle").
 *
 * <p>A movement's key is the hold or settlement key of its tenant's first period in the batch, a
 * period held and settled only once; its reference names that period's VM and how many more periods
 * it covers.
 */
final class BatchMovements {

  private BatchMovements() {}

  /** Holds of charges (not yet settled): each tenant's movement, in the order tenants appear. */
  static Map<String, Movement> holds(List<Charge> charges) {
    return perTenant(
        charges,
        MovementType.HOLD,
        BillingCycle::holdKey,
        (hold, charge) ->
            hold.move(
                LedgerAccountRef.tenantAvailable(charge.tenantAccountId()),
                LedgerAccountRef.tenantHeld(charge.tenantAccountId()),
                Money.of(charge.held())));
  }

  /**
   * Settlements of charges (each with its charge and fee), each tenant's in the order tenants
   * appear: each hold taken apart into the earner's part, the platform's fee and the release back
   * to the tenant.
   */
  static Map<String, Movement> settlements(List<Charge> settled) {
    LedgerAccountRef fees = LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES);
    return perTenant(
        settled,
        MovementType.SETTLE,
        BillingCycle::settleKey,
        (settle, charge) -> {
          LedgerAccountRef held = LedgerAccountRef.tenantHeld(charge.tenantAccountId());
          Money charged = Money.of(charge.charged());
          Money fee = Money.of(charge.fee());
          settle
              .move(held, LedgerAccountRef.operatorEarned(charge.earner()), charged.minus(fee))
              .move(held, fees, fee)
              .move(
                  held,
                  LedgerAccountRef.tenantAvailable(charge.tenantAccountId()),
                  Money.of(charge.held()).minus(charged));
        });
  }

  private static Map<String, Movement> perTenant(
      List<Charge> charges,
      MovementType type,
      BiFunction<String, Instant, String> key,
      BiConsumer<Movement.Builder, Charge> transfers) {
    Map<String, List<Charge>> byTenant = new LinkedHashMap<>();
    charges.forEach(
        c -> byTenant.computeIfAbsent(c.tenantAccountId(), t -> new ArrayList<>()).add(c));
    Map<String, Movement> movements = new LinkedHashMap<>();
    for (List<Charge> periods : byTenant.values()) {
      Charge first = periods.get(0);
      Movement.Builder movement =
          Movement.builder(
              key.apply(first.vmId(), first.periodStart()),
              type,
              periods.size() == 1
                  ? first.vmId()
                  : first.vmId() + " and " + (periods.size() - 1) + " more periods");
      periods.forEach(p -> transfers.accept(movement, p));
      // A period of a free node moves nothing: its charge row is all there is.
      if (!movement.isEmpty()) {
        movements.put(first.tenantAccountId(), movement.build());
      }
    }
    return movements;
  }
}
