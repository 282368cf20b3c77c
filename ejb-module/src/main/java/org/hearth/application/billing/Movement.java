package org.hearth.application.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;

/**
 * One ledger transaction: postings that sum to zero, posted at most once under its idempotency key.
 */
public record Movement(
    String idempotencyKey, MovementType type, String reference, List<Posting> postings) {

  public static final int MAX_KEY_LENGTH = 200;

  public Movement {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(type, "type");
    if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("idempotency key must have 1 to 200 characters");
    }
    postings = List.copyOf(postings);
    if (postings.size() < 2) {
      throw new IllegalArgumentException("a movement needs at least two postings");
    }
    Money sum = Money.ZERO;
    for (Posting posting : postings) {
      sum = sum.plus(posting.amount());
    }
    if (!sum.isZero()) {
      throw new IllegalArgumentException("postings of " + idempotencyKey + " sum to " + sum);
    }
  }

  /** Moves {@code amount} (not negative) from one account to another. */
  public static Movement transfer(
      String key,
      MovementType type,
      String reference,
      LedgerAccountRef from,
      LedgerAccountRef to,
      Money amount) {
    return builder(key, type, reference).move(from, to, amount).build();
  }

  public static Builder builder(String key, MovementType type, String reference) {
    return new Builder(key, type, reference);
  }

  /** Collects transfers into one movement; zero amounts are left out. */
  public static final class Builder {
    private final String key;
    private final MovementType type;
    private final String reference;
    private final List<Posting> postings = new ArrayList<>();

    private Builder(String key, MovementType type, String reference) {
      this.key = key;
      this.type = type;
      this.reference = reference;
    }

    public Builder move(LedgerAccountRef from, LedgerAccountRef to, Money amount) {
      if (amount.isNegative()) {
        throw new IllegalArgumentException("negative transfer in " + key + ": " + amount);
      }
      if (!amount.isZero()) {
        postings.add(new Posting(from, Money.of(-amount.amount())));
        postings.add(new Posting(to, amount));
      }
      return this;
    }

    /** Whether no transfer of a non-zero amount was added. */
    public boolean isEmpty() {
      return postings.isEmpty();
    }

    public Movement build() {
      return new Movement(key, type, reference, postings);
    }
  }
}
