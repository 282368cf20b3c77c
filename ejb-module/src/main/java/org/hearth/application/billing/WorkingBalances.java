package org.hearth.application.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/**
 * Locked balances while movements are applied one after another: a movement that would take an
 * account that is not a source below zero is refused whole, and the balances stay as they were.
 */
final class WorkingBalances {

  private final Map<LedgerAccountRef, Long> balances;
  private final Map<LedgerAccountRef, Long> changed = new HashMap<>();

  WorkingBalances(Map<LedgerAccountRef, Long> locked) {
    this.balances = new HashMap<>(locked);
  }

  /** Applies the movement, or returns why it cannot be. */
  Optional<InsufficientFundsException> apply(Movement movement) {
    Map<LedgerAccountRef, Long> after = new HashMap<>();
    for (Posting posting : movement.postings()) {
      LedgerAccountRef account = posting.account();
      long before = after.getOrDefault(account, balances.getOrDefault(account, 0L));
      after.put(account, Math.addExact(before, posting.amount().amount()));
    }
    for (Map.Entry<LedgerAccountRef, Long> e : after.entrySet()) {
      if (e.getValue() < 0 && !e.getKey().type().isSource()) {
        long balance = balances.getOrDefault(e.getKey(), 0L);
        return Optional.of(
            new InsufficientFundsException(
                e.getKey(), Money.of(balance), Money.of(balance - e.getValue())));
      }
    }
    balances.putAll(after);
    changed.putAll(after);
    return Optional.empty();
  }

  long balance(LedgerAccountRef account) {
    return balances.getOrDefault(account, 0L);
  }

  /** The balances of all locked accounts, as they are now. */
  Map<LedgerAccountRef, Long> all() {
    return Map.copyOf(balances);
  }

  /** The new balances of the accounts that changed. */
  Map<LedgerAccountRef, Long> changed() {
    return Map.copyOf(changed);
  }
}
