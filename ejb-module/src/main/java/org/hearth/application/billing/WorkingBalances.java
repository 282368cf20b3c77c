package org.hearth.application.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/**
 * Locked balances while movements are applied one after another: a movement that would take an
 * account that is not a source below zero is refused whole, and the balances stay as they were.
 * Accounts of the types credited last are not locked: they may only receive, and what they receive
 * is summed as {@link #credits()}.
 */
final class WorkingBalances {

  private final Map<LedgerAccountRef, Long> balances;
  private final Set<LedgerAccountType> creditedLast;
  private final Map<LedgerAccountRef, Long> changed = new HashMap<>();
  private final Map<LedgerAccountRef, Long> credits = new HashMap<>();

  WorkingBalances(Map<LedgerAccountRef, Long> locked, Set<LedgerAccountType> creditedLast) {
    this.balances = new HashMap<>(locked);
    this.creditedLast = Set.copyOf(creditedLast);
  }

  /** Whether postings to this account are credits summed for the end, not locked balances. */
  private boolean creditedLast(LedgerAccountRef account) {
    return creditedLast.contains(account.type());
  }

  /** Applies the movement, or returns why it cannot be. */
  Optional<InsufficientFundsException> apply(Movement movement) {
    Map<LedgerAccountRef, Long> after = new HashMap<>();
    Map<LedgerAccountRef, Long> received = new HashMap<>();
    for (Posting posting : movement.postings()) {
      LedgerAccountRef account = posting.account();
      long amount = posting.amount().amount();
      if (creditedLast(account)) {
        if (amount < 0) {
          throw new IllegalArgumentException(
              account + " is credited last but " + movement.idempotencyKey() + " takes from it");
        }
        received.merge(account, amount, Math::addExact);
        continue;
      }
      long before = after.getOrDefault(account, balances.getOrDefault(account, 0L));
      after.put(account, Math.addExact(before, amount));
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
    received.forEach((account, amount) -> credits.merge(account, amount, Math::addExact));
    return Optional.empty();
  }

  long balance(LedgerAccountRef account) {
    return balances.getOrDefault(account, 0L);
  }

  /** The balances of all locked accounts, as they are now. */
  Map<LedgerAccountRef, Long> all() {
    return Map.copyOf(balances);
  }

  /** The new balances of the locked accounts that changed. */
  Map<LedgerAccountRef, Long> changed() {
    return Map.copyOf(changed);
  }

  /** What the accounts credited last receive in all. */
  Map<LedgerAccountRef, Long> credits() {
    return Map.copyOf(credits);
  }
}
