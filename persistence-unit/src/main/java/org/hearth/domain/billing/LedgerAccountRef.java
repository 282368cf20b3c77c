package org.hearth.domain.billing;

import java.util.Comparator;
import java.util.Objects;

/** One ledger account: its type and owner (an account id, or {@link #PLATFORM}). */
public record LedgerAccountRef(LedgerAccountType type, String owner)
    implements Comparable<LedgerAccountRef> {

  public static final String PLATFORM = "platform";

  // By the names as stored. Types are upper case with underscores and owners lower-case hex ids
  // with dashes at fixed places, "node:<hex>" or "platform": the database sorts them the same way
  // under the "C" collation and under the usual locale ones, so its row locks follow this order.
  private static final Comparator<LedgerAccountRef> ORDER =
      Comparator.comparing((LedgerAccountRef ref) -> ref.type().name())
          .thenComparing(LedgerAccountRef::owner);

  public LedgerAccountRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(owner, "owner");
  }

  public static LedgerAccountRef tenantAvailable(String accountId) {
    return new LedgerAccountRef(LedgerAccountType.TENANT_AVAILABLE, accountId);
  }

  public static LedgerAccountRef tenantHeld(String accountId) {
    return new LedgerAccountRef(LedgerAccountType.TENANT_HELD, accountId);
  }

  public static LedgerAccountRef operatorEarned(String earner) {
    return new LedgerAccountRef(LedgerAccountType.OPERATOR_EARNED, earner);
  }

  public static LedgerAccountRef platform(LedgerAccountType type) {
    return new LedgerAccountRef(type, PLATFORM);
  }

  /** The order in which accounts are locked, so concurrent movements never deadlock. */
  @Override
  public int compareTo(LedgerAccountRef other) {
    return ORDER.compare(this, other);
  }
}
