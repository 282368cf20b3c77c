package org.hearth.application.billing;

import jakarta.ejb.ApplicationException;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/** A movement would take an account that may not go negative below zero. */
@ApplicationException(rollback = true)
public class InsufficientFundsException extends RuntimeException {

  private final transient LedgerAccountRef account;

  public InsufficientFundsException(LedgerAccountRef account, Money balance, Money needed) {
    super(
        "insufficient funds in "
            + account.type()
            + ": balance "
            + balance.amount()
            + ", needed "
            + needed.amount());
    this.account = account;
  }

  public LedgerAccountRef account() {
    return account;
  }
}
