package org.hearth.application.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.LedgerAccountRef;

/**
 * Posts the holds of a billing batch, one movement per tenant ({@link BatchMovements#holds}). A
 * tenant whose balance cannot pay all of its periods at once has them held one by one, in batch
 * order, as far as it goes: the same periods are held as if each had its own movement.
 */
final class TenantHolds {

  private TenantHolds() {}

  /**
   * @param balances receives the balances of the accounts the holds touched, afterwards
   * @return why each VM's period was not held, by VM id
   */
  static Map<String, InsufficientFundsException> post(
      Ledger ledger, List<Charge> charges, Map<LedgerAccountRef, Long> balances) {
    Map<String, Movement> perTenant = BatchMovements.holds(charges);
    PostResult result = ledger.postAll(List.copyOf(perTenant.values())).requireNonePostedBefore();
    balances.putAll(result.balancesAfter());
    if (result.refused().isEmpty()) {
      return Map.of();
    }
    List<Movement> oneByOne = new ArrayList<>();
    Map<String, String> vmByKey = new HashMap<>();
    for (Charge charge : charges) {
      Movement tenantsHold = perTenant.get(charge.tenantAccountId());
      if (tenantsHold != null && result.refused(tenantsHold.idempotencyKey())) {
        for (Movement hold : BatchMovements.holds(List.of(charge)).values()) {
          oneByOne.add(hold);
          vmByKey.put(hold.idempotencyKey(), charge.vmId());
        }
      }
    }
    PostResult retried = ledger.postAll(oneByOne).requireNonePostedBefore();
    balances.putAll(retried.balancesAfter());
    Map<String, InsufficientFundsException> refused = new HashMap<>();
    retried.refused().forEach((key, refusal) -> refused.put(vmByKey.get(key), refusal));
    return refused;
  }
}
