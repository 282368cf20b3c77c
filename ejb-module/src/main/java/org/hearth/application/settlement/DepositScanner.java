package org.hearth.application.settlement;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.application.billing.Ledger;
import org.hearth.application.billing.Movement;
import org.hearth.application.billing.MovementType;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;

/**
 * Credits deposits: one bounded range of confirmed blocks per call, in a transaction of its own
 * that holds the cursor row locked, so two servers never scan at once and a restart resumes after
 * the last range committed. Each transfer is recorded once per (transaction hash, log index) and
 * posted under the idempotency key {@code deposit:<hash>:<logIndex>}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DepositScanner {

  private static final System.Logger LOG = System.getLogger(DepositScanner.class.getName());

  static final String CURSOR = "deposits";

  @Inject SettlementChain chain;
  @Inject ChainStore store;
  @Inject Ledger ledger;
  @Inject SettlementSettings settings;
  @Inject Clock clock;
  @Inject Event<DepositCredited> credited;

  /**
   * Scans the next range.
   *
   * @return true if more confirmed blocks remain to be scanned
   */
  public boolean scanNextRange() {
    Instant now = clock.instant();
    long cursor = store.lockCursor(CURSOR, settings.startBlock() - 1, now);
    long safe = chain.latestBlock() - chain.confirmations();
    long from = cursor + 1;
    if (from > safe) {
      return false;
    }
    long to = Math.min(safe, from + settings.scanRange() - 1);
    List<TokenTransfer> transfers = chain.transfersTo(chain.platformAddress(), from, to);
    Set<String> senders = new HashSet<>();
    transfers.forEach(t -> senders.add(t.from()));
    Map<String, String> accounts = store.accountsOfWallets(senders);
    for (TokenTransfer t : transfers) {
      String account = accounts.get(t.from());
      store.recordDeposit(t, account, now);
      String key = "deposit:" + t.transactionHash() + ":" + t.logIndex();
      LedgerAccountRef source = LedgerAccountRef.platform(LedgerAccountType.CHAIN_DEPOSITS);
      Movement movement =
          account == null
              ? Movement.transfer(
                  key,
                  MovementType.UNCLAIMED_DEPOSIT,
                  t.from(),
                  source,
                  LedgerAccountRef.platform(LedgerAccountType.UNCLAIMED_DEPOSITS),
                  t.amount())
              : Movement.transfer(
                  key,
                  MovementType.DEPOSIT,
                  t.transactionHash(),
                  source,
                  LedgerAccountRef.tenantAvailable(account),
                  t.amount());
      if (!t.amount().isZero() && ledger.post(movement)) {
        LOG.log(
            System.Logger.Level.INFO,
            "deposit {0}:{1} of {2} from {3} credited to {4}",
            t.transactionHash(),
            t.logIndex(),
            t.amount().amount(),
            t.from(),
            account == null ? "unclaimed deposits" : account);
        if (account != null) {
          credited.fire(new DepositCredited(account, t.transactionHash()));
        }
      }
    }
    store.moveCursor(CURSOR, to, now);
    return to < safe;
  }
}
