package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hearth.application.identity.Accounts;
import org.hearth.application.identity.UnknownAccountException;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;
import org.hearth.protocol.money.Money;

/** Balances credited by an admin (when deposits are off, or as a goodwill credit). */
@Stateless
@ReportsConcurrentChanges
public class Credits {

  @Inject Ledger ledger;
  @Inject Accounts accounts;

  /**
   * Credits {@code amount} to the account's available balance, once per {@code reference}.
   *
   * @return false if this credit (same reference, account and amount) was posted before: nothing
   *     changed
   * @throws CreditReferenceTakenException if the reference was used for another account or amount
   */
  public boolean credit(String accountId, Money amount, String reference, String adminAccountId) {
    if (!accounts.exists(accountId)) {
      throw new UnknownAccountException(accountId);
    }
    String key = "credit:" + reference;
    LedgerAccountRef credited = LedgerAccountRef.tenantAvailable(accountId);
    boolean posted =
        ledger.post(
            Movement.transfer(
                key,
                MovementType.ADMIN_CREDIT,
                "by admin " + adminAccountId,
                LedgerAccountRef.platform(LedgerAccountType.ADMIN_CREDITS),
                credited,
                amount));
    if (!posted && !Long.valueOf(amount.amount()).equals(ledger.postings(key).get(credited))) {
      throw new CreditReferenceTakenException(reference);
    }
    return posted;
  }
}
