package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.hearth.application.node.NodeClaimed;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/**
 * When an operator claims a node, what the node earned while nobody had claimed it moves to the
 * operator's account, and its open leases and unsettled periods pay the operator from now on.
 *
 * <p>A node can be claimed again by the same account (its agent named another key meanwhile, which
 * dropped the claim), so each claim's move has a key of its own: the claim's time. A claim retried
 * after a lost race is a new transaction, so it cannot move the same earnings twice.
 */
@Stateless
public class ClaimedNodeEarnings {

  @Inject LeaseStore leases;
  @Inject Ledger ledger;
  @Inject Clock clock;

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
              "claim:"
                  + claimed.nodeId()
                  + ":"
                  + claimed.accountId()
                  + ":"
                  + clock.instant().toEpochMilli(),
              MovementType.NODE_CLAIMED,
              claimed.nodeId(),
              from,
              LedgerAccountRef.operatorEarned(claimed.accountId()),
              earned));
    }
  }
}
