package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.domain.billing.LedgerStore;
import org.hearth.domain.billing.LedgerStore.LedgerEntryView;
import org.junit.jupiter.api.Test;

/** {@link Balances#entries}: the newest entries, in whole instants, and where they begin. */
class BalancesTest {

  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  private static final Instant END = T0.plusSeconds(60);

  /** Two entries of a movement at each of T0 + 1 s, + 2 s, + 3 s. */
  private final List<LedgerEntryView> stored =
      List.of(1, 2, 3).stream()
          .flatMap(
              s ->
                  List.of(
                      entry(T0.plusSeconds(s), "m" + s, LedgerAccountType.TENANT_AVAILABLE),
                      entry(T0.plusSeconds(s), "m" + s, LedgerAccountType.TENANT_HELD))
                      .stream())
          .toList();

  private final Balances balances = new Balances();

  BalancesTest() {
    balances.store =
        (LedgerStore)
            Proxy.newProxyInstance(
                LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class},
                // as the database gives them: the stored order (by time, movement, seq) reversed
                (proxy, method, args) ->
                    IntStream.range(0, stored.size())
                        .mapToObj(i -> stored.get(stored.size() - 1 - i))
                        .filter(
                            e ->
                                !e.at().isBefore((Instant) args[1])
                                    && e.at().isBefore((Instant) args[2]))
                        .limit((int) args[3])
                        .toList());
  }

  @Test
  void allEntriesOldestFirstWhenTheyFit() {
    Balances.Page page = balances.entries("t", T0, END, 6);

    assertFalse(page.truncated());
    assertEquals(T0, page.from());
    assertEquals(stored, page.entries());
  }

  @Test
  void theNewestWholeInstantsWhenThereAreMoreAndTheRestBeforeTheirStart() {
    Balances.Page newest = balances.entries("t", T0, END, 3);

    assertTrue(newest.truncated());
    assertEquals(stored.subList(4, 6), newest.entries(), "m3 whole; m2 cut, so left out");
    assertEquals(T0.plusSeconds(2).plus(1, ChronoUnit.MICROS), newest.from());

    Balances.Page before = balances.entries("t", T0, newest.from(), 3);
    assertEquals(stored.subList(2, 4), before.entries());
    Balances.Page first = balances.entries("t", T0, before.from(), 3);
    assertFalse(first.truncated());
    assertEquals(stored.subList(0, 2), first.entries(), "none twice, none left out");
  }

  private static LedgerEntryView entry(Instant at, String key, LedgerAccountType account) {
    return new LedgerEntryView(at, "HOLD", key, null, account, 1);
  }
}
