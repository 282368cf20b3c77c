package org.hearth.application.settlement;

import java.time.Instant;

/** A payout of an operator's earnings to its address; nonce, hash and raw once SUBMITTED. */
public record Payout(
    String id,
    String accountId,
    long amount,
    String address,
    State state,
    Long nonce,
    String txHash,
    String rawTx,
    Instant createdAt) {

  /** PENDING → SUBMITTED → CONFIRMED, or FAILED (earnings returned). */
  public enum State {
    PENDING,
    SUBMITTED,
    CONFIRMED,
    FAILED
  }
}
