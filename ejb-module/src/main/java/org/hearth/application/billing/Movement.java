package org.hearth.application.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Collects transfers into one movement with one posting per account: the transfers' amounts are
   * summed per account (in the order the accounts first appear), and accounts whose sum is zero are
   * left out. A settlement that takes its hold apart into earnings, fee and release so writes one
   * entry for the hold instead of three.
   */
  public static final class Builder {
    private final String key;
    private final MovementType type;
    private final String reference;
    private final Map<LedgerAccountRef, Money> sums = new LinkedHashMap<>();

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
        sums.merge(from, Money.of(-amount.amount()), Money::plus);
        sums.merge(to, amount, Money::plus);
      }
      return this;
    }

    /** Whether the transfers added so far move nothing. */
    public boolean isEmpty() {
      return postings().isEmpty();
    }

    public Movement build() {
      return new Movement(key, type, reference, postings());
    }

    private List<Posting> postings() {
      List<Posting> postings = new ArrayList<>();
      sums.forEach(
          (account, sum) -> {
            if (!sum.isZero()) {
              postings.add(new Posting(account, sum));
            }
          });
      return postings;
    }
  }
}
