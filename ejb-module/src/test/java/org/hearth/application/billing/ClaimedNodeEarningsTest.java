package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.application.node.NodeClaimed;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.billing.LedgerAccountRef;
import org.junit.jupiter.api.Test;

/** {@link ClaimedNodeEarnings}: a claim moves what the node earned unclaimed, every time. */
class ClaimedNodeEarningsTest {

  private static final LedgerAccountRef UNCLAIMED =
      LedgerAccountRef.operatorEarned(Leases.earner("node-1", null));
  private static final LedgerAccountRef OPERATOR = LedgerAccountRef.operatorEarned("account-a");

  private final RecordingLedgerStore store = new RecordingLedgerStore();
  private final List<String> reassigned = new ArrayList<>();
  private final ClaimedNodeEarnings earnings = new ClaimedNodeEarnings();
  private Instant now = Instant.parse("2026-12-07T20:00:00Z");

  ClaimedNodeEarningsTest() {
    Ledger ledger = new Ledger();
    ledger.store = store;
    ledger.clock = Clock.fixed(now, ZoneOffset.UTC);
    earnings.ledger = ledger;
    earnings.leases =
        (LeaseStore)
            Proxy.newProxyInstance(
                LeaseStore.class.getClassLoader(),
                new Class<?>[] {LeaseStore.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("reassignEarner")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  reassigned.add(args[0] + " -> " + args[1]);
                  return null;
                });
  }

  @Test
  void aNodeClaimedAgainByTheSameAccountHandsOverWhatItEarnedUnclaimedMeanwhile() {
    store.balances.put(UNCLAIMED, 700L);
    claim();
    assertEquals(0L, store.balance(UNCLAIMED));
    assertEquals(700L, store.balance(OPERATOR));

    // The agent named another key, which dropped the claim; the node earned unclaimed again.
    store.balances.put(UNCLAIMED, 300L);
    now = now.plusSeconds(3600);
    claim();

    assertEquals(0L, store.balance(UNCLAIMED), "nothing is left behind on the node");
    assertEquals(1000L, store.balance(OPERATOR));
    assertEquals(2, store.written.size());
    assertEquals(List.of(UNCLAIMED.owner() + " -> account-a"), reassigned.subList(0, 1));
  }

  @Test
  void aClaimOfANodeThatEarnedNothingMovesNothing() {
    claim();

    assertEquals(0, store.written.size());
    assertEquals(1, reassigned.size(), "its open leases pay the operator from now on");
  }

  private void claim() {
    earnings.clock = Clock.fixed(now, ZoneOffset.UTC);
    earnings.moveToOperator(new NodeClaimed("node-1", "account-a"));
  }
}
