package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.domain.billing.LedgerStore;
import org.hearth.protocol.money.Money;

/** What an account has and what moved: its balances and its ledger entries. */
@Stateless
public class Balances {

  /** Most entries one statement returns. */
  public static final int MAX_ENTRIES = 10_000;

  @Inject LedgerStore store;

  /** An account's balances as tenant and as operator. */
  public record Of(Money available, Money held, Money earned, Money paying, Money paid) {}

  public Of of(String accountId) {
    return new Of(
        balance(LedgerAccountType.TENANT_AVAILABLE, accountId),
        balance(LedgerAccountType.TENANT_HELD, accountId),
        balance(LedgerAccountType.OPERATOR_EARNED, accountId),
        balance(LedgerAccountType.OPERATOR_PAYING, accountId),
        balance(LedgerAccountType.OPERATOR_PAID, accountId));
  }

  /** The account's entries in {@code [from, to)}, oldest first, at most {@code limit}. */
  public List<LedgerStore.LedgerEntryView> entries(
      String accountId, Instant from, Instant to, int limit) {
    return store.entries(accountId, from, to, Math.min(limit, MAX_ENTRIES));
  }

  private Money balance(LedgerAccountType type, String accountId) {
    return Money.of(store.balance(new LedgerAccountRef(type, accountId)));
  }
}
