package org.hearth.application.billing;

import java.util.Map;
import java.util.Set;
import org.hearth.domain.billing.LedgerAccountRef;

/**
 * What became of a batch of movements: posted now, posted before (same idempotency key, nothing
 * changed), or refused for insufficient funds (nothing changed); and the balances of the accounts
 * they touch, afterwards (except accounts credited last, which were not read: see {@link
 * Ledger#postAll(java.util.List, java.util.Set)}).
 */
public record PostResult(
    Set<String> posted,
    Set<String> alreadyPosted,
    Map<String, InsufficientFundsException> refused,
    Map<LedgerAccountRef, Long> balancesAfter) {

  public boolean refused(String idempotencyKey) {
    return refused.containsKey(idempotencyKey);
  }

  /**
   * This result, when no movement had been posted before. For callers whose keys name work done
   * just now (billing's periods), a key posted before means the books are broken.
   *
   * @throws IllegalStateException otherwise, to roll the caller's transaction back
   */
  public PostResult requireNonePostedBefore() {
    if (!alreadyPosted.isEmpty()) {
      throw new IllegalStateException("movements posted before: " + alreadyPosted);
    }
    return this;
  }
}
