package org.hearth.application.billing;

import java.util.Objects;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/** One line of a movement: an amount added to (positive) or taken from an account. */
public record Posting(LedgerAccountRef account, Money amount) {

  public Posting {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
  }
}
