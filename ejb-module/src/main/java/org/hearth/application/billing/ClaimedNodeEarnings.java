package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hearth.application.node.NodeClaimed;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/**
 * When an operator claims a node, what the node earned while nobody had claimed it moves to the
 * operator's account, and its open leases and unsettled periods pay the operator from now on.
 */
@Stateless
public class ClaimedNodeEarnings {

  @Inject LeaseStore leases;
  @Inject Ledger ledger;

  public void moveToOperator(@Observes NodeClaimed claimed) {
    String unclaimed = Leases.earner(claimed.nodeId(), null);
    // The updates wait for any settlement holding these rows, so the balance read after them
    // includes it; no later settlement credits the node any more.
    leases.reassignEarner(unclaimed, claimed.accountId());
    LedgerAccountRef from = LedgerAccountRef.operatorEarned(unclaimed);
    Money earned = ledger.balance(from);
    if (earned.amount() > 0) {
      ledger.post(
          Movement.transfer(
              "claim:" + claimed.nodeId() + ":" + claimed.accountId(),
              MovementType.NODE_CLAIMED,
              claimed.nodeId(),
              from,
              LedgerAccountRef.operatorEarned(claimed.accountId()),
              earned));
    }
  }
}
