package org.hearth.application.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.domain.billing.LedgerStore;

/** Balances in memory, changed by what is written; records what the ledger locks and writes. */
final class RecordingLedgerStore implements LedgerStore {
  final Map<LedgerAccountRef, Long> balances = new HashMap<>();
  final List<Set<LedgerAccountRef>> locked = new ArrayList<>();
  final List<StoredMovement> written = new ArrayList<>();
  Map<LedgerAccountRef, Long> newBalances = Map.of();
  Map<LedgerAccountRef, Long> credits = Map.of();

  @Override
  public Map<LedgerAccountRef, Long> lockBalances(Collection<LedgerAccountRef> accounts) {
    locked.add(Set.copyOf(accounts));
    Map<LedgerAccountRef, Long> found = new HashMap<>();
    accounts.forEach(a -> found.put(a, balances.getOrDefault(a, 0L)));
    return found;
  }

  @Override
  public Set<String> postedKeys(Collection<String> keys) {
    Set<String> posted = new HashSet<>();
    written.forEach(
        m -> {
          if (keys.contains(m.idempotencyKey())) {
            posted.add(m.idempotencyKey());
          }
        });
    return posted;
  }

  @Override
  public void write(
      List<StoredMovement> movements,
      Map<LedgerAccountRef, Long> newBalances,
      Map<LedgerAccountRef, Long> credits) {
    written.addAll(movements);
    this.newBalances = newBalances;
    this.credits = credits;
    balances.putAll(newBalances);
    credits.forEach((account, sum) -> balances.merge(account, sum, Long::sum));
  }

  @Override
  public Map<LedgerAccountRef, Long> postings(String idempotencyKey) {
    Map<LedgerAccountRef, Long> postings = new HashMap<>();
    written.stream()
        .filter(m -> m.idempotencyKey().equals(idempotencyKey))
        .flatMap(m -> m.postings().stream())
        .forEach(p -> postings.merge(p.getKey(), p.getValue(), Long::sum));
    return postings;
  }

  @Override
  public long balance(LedgerAccountRef account) {
    return balances.getOrDefault(account, 0L);
  }

  @Override
  public long sumOfAllBalances() {
    throw new UnsupportedOperationException();
  }

  @Override
  public long sumOfType(LedgerAccountType type) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<LedgerEntryView> latestEntries(String owner, Instant from, Instant to, int limit) {
    throw new UnsupportedOperationException();
  }
}
