package org.hearth.application.settlement;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deposits, block cursors and payouts in the database; joins the caller's transaction. */
public interface ChainStore {

  /** Creates the cursor at {@code initial} if missing, locks its row and returns its block. */
  long lockCursor(String name, long initial, Instant now);

  void moveCursor(String name, long block, Instant now);

  /** The accounts whose linked Ethereum keys are these (lower-case) addresses. */
  Map<String, String> accountsOfWallets(Collection<String> addresses);

  /** Records a deposit once; false if this (transaction, log index) was recorded before. */
  boolean recordDeposit(TokenTransfer transfer, String accountIdOrNull, Instant now);

  /** Deposits from wallets of no account, newest first. */
  List<Deposit> unclaimedDeposits(int limit);

  /** The operator's payout address: the one it set, else its (first) linked Ethereum key. */
  Optional<String> payoutAddress(String accountId);

  void setPayoutAddress(String accountId, String address, Instant now);

  /** Operators (not unclaimed nodes) earning at least {@code min}, with no payout in flight. */
  Map<String, Long> earnedAtLeast(long min, int limit);

  void insertPayout(Payout payout);

  /** Locks and returns the oldest PENDING payout. */
  Optional<Payout> lockNextPending();

  /** Locks and returns SUBMITTED payouts, by nonce. */
  List<Payout> lockSubmitted(int limit);

  void markSubmitted(String id, long nonce, String txHash, String rawTx, Instant now);

  void markState(String id, Payout.State state, Instant now);

  /** The highest nonce any payout used, or -1. */
  long maxNonce();

  List<Payout> payoutsOf(String accountId, int limit);

  /** A deposit as recorded. */
  record Deposit(
      String txHash,
      int logIndex,
      long blockNumber,
      String from,
      long amount,
      String accountId,
      Instant recordedAt) {}
}
