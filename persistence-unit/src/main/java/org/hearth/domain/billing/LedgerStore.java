package org.hearth.domain.billing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where ledger movements and balances are kept; every call joins the caller's transaction. */
public interface LedgerStore {

  /**
   * Locks the balances of the given accounts (creating zero balances for new ones) in their natural
   * order, until the transaction ends, and returns them.
   */
  Map<LedgerAccountRef, Long> lockBalances(Collection<LedgerAccountRef> accounts);

  /** Which of these idempotency keys have been posted. */
  Set<String> postedKeys(Collection<String> idempotencyKeys);

  /**
   * Stores movements (with their entries), sets the locked accounts' new balances, and then, as the
   * last statements, adds {@code credits} to the balances of accounts that were not locked
   * (creating them when new), in their natural order.
   */
  void write(
      List<StoredMovement> movements,
      Map<LedgerAccountRef, Long> newBalances,
      Map<LedgerAccountRef, Long> credits);

  /** An account's balance, without locking it. */
  long balance(LedgerAccountRef account);

  /** The sum of all balances: zero when the books balance. */
  long sumOfAllBalances();

  /** The sum of all balances of one type. */
  long sumOfType(LedgerAccountType type);

  /** What a posted movement moved: each account's amount; empty if it was never posted. */
  Map<LedgerAccountRef, Long> postings(String idempotencyKey);

  /** The newest {@code limit} of an owner's entries in {@code [from, to)}, newest first. */
  List<LedgerEntryView> latestEntries(String owner, Instant from, Instant to, int limit);

  /** A movement as it is stored. */
  record StoredMovement(
      String idempotencyKey,
      String type,
      String reference,
      Instant createdAt,
      List<Map.Entry<LedgerAccountRef, Long>> postings) {}

  /** One entry of an owner's accounts, with its movement. */
  record LedgerEntryView(
      Instant at,
      String movementType,
      String idempotencyKey,
      String reference,
      LedgerAccountType accountType,
      long amount) {}
}
