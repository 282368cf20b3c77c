package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.domain.billing.LedgerStore;
import org.hearth.domain.billing.LedgerStore.StoredMovement;
import org.hearth.protocol.money.Money;

/**
 * The double-entry ledger. Every movement's postings sum to zero; each is posted at most once under
 * its idempotency key; accounts other than sources never go negative. Posting joins the caller's
 * transaction and locks the balances it touches (in a fixed order, so it never deadlocks); a
 * concurrent post of the same key waits for that lock and then finds the key posted.
 */
@Stateless
public class Ledger {

  @Inject LedgerStore store;
  @Inject Clock clock;

  /**
   * Posts one movement.
   *
   * @return false if a movement with its idempotency key was posted before (nothing changes)
   * @throws InsufficientFundsException if it would take an account below zero (nothing changes)
   */
  public boolean post(Movement movement) {
    PostResult result = postAll(List.of(movement));
    InsufficientFundsException refusal = result.refused().get(movement.idempotencyKey());
    if (refusal != null) {
      throw refusal;
    }
    return result.posted().contains(movement.idempotencyKey());
  }

  /**
   * Posts movements in order in one go. One that would overdraw an account is refused and left out,
   * and the rest are still posted; callers decide what a refusal means (see {@link PostResult}).
   */
  public PostResult postAll(List<Movement> movements) {
    return postAll(movements, Set.of());
  }

  /**
   * Posts movements as {@link #postAll(List)} does, except that accounts of the types {@code
   * creditedLast}, which these movements may only pay into, are neither read nor locked first: what
   * they receive is added to their balances by the last statements of the write, in lock order.
   * Concurrent batches that pay the same accounts (two servers' settlements paying the same
   * operators and the platform's fees) then hold those rows only from there to the commit, instead
   * of queuing behind each other for the whole batch. No deadlock follows as long as no movement
   * that takes from an account of these types also touches the accounts such a batch locks first
   * (settlements lock tenants' accounts first; payouts and claims touch operator accounts only).
   *
   * @throws IllegalArgumentException if a movement takes from an account of these types
   */
  public PostResult postAll(List<Movement> movements, Set<LedgerAccountType> creditedLast) {
    Set<String> keys = new HashSet<>();
    for (Movement movement : movements) {
      if (!keys.add(movement.idempotencyKey())) {
        throw new IllegalArgumentException("key twice in a batch: " + movement.idempotencyKey());
      }
    }
    Set<LedgerAccountRef> accounts = new TreeSet<>();
    movements.forEach(
        m ->
            m.postings().stream()
                .map(Posting::account)
                .filter(a -> !creditedLast.contains(a.type()))
                .forEach(accounts::add));
    WorkingBalances balances = new WorkingBalances(store.lockBalances(accounts), creditedLast);
    Set<String> alreadyPosted = store.postedKeys(keys);
    Set<String> posted = new HashSet<>();
    Map<String, InsufficientFundsException> refused = new HashMap<>();
    List<StoredMovement> toStore = new ArrayList<>();
    Instant now = clock.instant();
    for (Movement movement : movements) {
      String key = movement.idempotencyKey();
      if (alreadyPosted.contains(key)) {
        continue;
      }
      balances
          .apply(movement)
          .ifPresentOrElse(
              refusal -> refused.put(key, refusal),
              () -> {
                posted.add(key);
                toStore.add(stored(movement, now));
              });
    }
    if (!toStore.isEmpty()) {
      store.write(toStore, balances.changed(), balances.credits());
    }
    return new PostResult(posted, alreadyPosted, refused, balances.all());
  }

  /** What the movement with this key moved, per account; empty if it was never posted. */
  public Map<LedgerAccountRef, Long> postings(String idempotencyKey) {
    return store.postings(idempotencyKey);
  }

  public Money balance(LedgerAccountRef account) {
    return Money.of(store.balance(account));
  }

  /** Zero while the books balance. */
  public Money sumOfAllAccounts() {
    return Money.of(store.sumOfAllBalances());
  }

  public Money sumOfType(LedgerAccountType type) {
    return Money.of(store.sumOfType(type));
  }

  private static StoredMovement stored(Movement movement, Instant now) {
    List<Map.Entry<LedgerAccountRef, Long>> postings =
        movement.postings().stream().map(p -> Map.entry(p.account(), p.amount().amount())).toList();
    return new StoredMovement(
        movement.idempotencyKey(), movement.type().name(), movement.reference(), now, postings);
  }
}
