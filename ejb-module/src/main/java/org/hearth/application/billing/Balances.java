package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * Ledger entries, oldest first, of {@code [from, to)}: all of them, or if there are more than
   * were asked for, the newest ones (truncated) and {@code from} moved up to where they begin.
   */
  public record Page(List<LedgerStore.LedgerEntryView> entries, Instant from, boolean truncated) {}

  /**
   * The account's newest entries in {@code [from, to)}, at most {@code limit}. A truncated page
   * holds whole instants only (a movement's entries share one), so asking again for {@code [from,
   * page.from())} gives the entries before it, none twice and none left out.
   */
  public Page entries(String accountId, Instant from, Instant to, int limit) {
    int max = Math.min(limit, MAX_ENTRIES);
    List<LedgerStore.LedgerEntryView> newest = store.latestEntries(accountId, from, to, max + 1);
    if (newest.size() <= max) {
      return new Page(oldestFirst(newest), from, false);
    }
    newest = newest.subList(0, max);
    Instant oldest = newest.get(max - 1).at();
    List<LedgerStore.LedgerEntryView> whole =
        newest.stream().filter(e -> e.at().isAfter(oldest)).toList();
    // Entries are stored to the microsecond: the page starts just after the instant it cut at.
    return whole.isEmpty()
        ? new Page(oldestFirst(newest), oldest, true)
        : new Page(oldestFirst(whole), oldest.plus(1, ChronoUnit.MICROS), true);
  }

  private static List<LedgerStore.LedgerEntryView> oldestFirst(
      List<LedgerStore.LedgerEntryView> newestFirst) {
    List<LedgerStore.LedgerEntryView> entries = new ArrayList<>(newestFirst);
    Collections.reverse(entries);
    return entries;
  }

  private Money balance(LedgerAccountType type, String accountId) {
    return Money.of(store.balance(new LedgerAccountRef(type, accountId)));
  }
}
