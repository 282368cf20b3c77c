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
   * @return false if a credit with this reference was posted before (nothing changed)
   */
  public boolean credit(String accountId, Money amount, String reference, String adminAccountId) {
    if (!accounts.exists(accountId)) {
      throw new UnknownAccountException(accountId);
    }
    return ledger.post(
        Movement.transfer(
            "credit:" + reference,
            MovementType.ADMIN_CREDIT,
            "by admin " + adminAccountId,
            LedgerAccountRef.platform(LedgerAccountType.ADMIN_CREDITS),
            LedgerAccountRef.tenantAvailable(accountId),
            amount));
  }
}
