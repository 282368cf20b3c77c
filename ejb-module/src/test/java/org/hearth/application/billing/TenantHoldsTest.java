package org.hearth.application.billing;

import static org.hearth.application.billing.BatchMovementsTest.START;
import static org.hearth.application.billing.BatchMovementsTest.held;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerStore.StoredMovement;
import org.junit.jupiter.api.Test;

class TenantHoldsTest {

  private static final LedgerAccountRef ALICE = LedgerAccountRef.tenantAvailable("alice");
  private static final LedgerAccountRef ALICE_HELD = LedgerAccountRef.tenantHeld("alice");
  private static final LedgerAccountRef BOB = LedgerAccountRef.tenantAvailable("bob");
  private static final LedgerAccountRef BOB_HELD = LedgerAccountRef.tenantHeld("bob");

  private final RecordingLedgerStore store = new RecordingLedgerStore();
  private final Ledger ledger = new Ledger();
  private final Map<LedgerAccountRef, Long> balances = new HashMap<>();

  TenantHoldsTest() {
    ledger.store = store;
    ledger.clock = Clock.fixed(START, ZoneOffset.UTC);
    store.balances.put(ALICE, 100L);
    store.balances.put(BOB, 500L);
  }

  @Test
  void tenantsWhoCanPayAreHeldByOneMovementEach() {
    Map<String, InsufficientFundsException> refused =
        TenantHolds.post(
            ledger,
            List.of(
                held("vm-a1", "alice", "op", 40),
                held("vm-b1", "bob", "op", 200),
                held("vm-a2", "alice", "op", 60)),
            balances);

    assertEquals(Map.of(), refused);
    assertEquals(
        Set.of(BillingCycle.holdKey("vm-a1", START), BillingCycle.holdKey("vm-b1", START)),
        keysWritten());
    assertEquals(0L, balances.get(ALICE));
    assertEquals(100L, balances.get(ALICE_HELD));
    assertEquals(300L, balances.get(BOB));
    assertEquals(200L, balances.get(BOB_HELD));
  }

  @Test
  void aTenantWhoCannotPayEveryPeriodHasThemHeldOneByOneAsFarAsItsBalanceGoes() {
    Map<String, InsufficientFundsException> refused =
        TenantHolds.post(
            ledger,
            List.of(
                held("vm-a1", "alice", "op", 40),
                held("vm-a2", "alice", "op", 70),
                held("vm-b1", "bob", "op", 200),
                held("vm-a3", "alice", "op", 30)),
            balances);

    assertEquals(Set.of("vm-a2"), refused.keySet(), "40 and 30 fit in 100, 70 after 40 does not");
    assertEquals(
        Set.of(
            BillingCycle.holdKey("vm-b1", START),
            BillingCycle.holdKey("vm-a1", START),
            BillingCycle.holdKey("vm-a3", START)),
        keysWritten());
    assertEquals(30L, balances.get(ALICE));
    assertEquals(70L, balances.get(ALICE_HELD));
    assertEquals(300L, store.balances.get(BOB));
    assertEquals(30L, store.balances.get(ALICE));
  }

  @Test
  void aPeriodHeldBeforeRollsTheBatchBack() {
    TenantHolds.post(ledger, List.of(held("vm-a1", "alice", "op", 40)), balances);

    assertThrows(
        IllegalStateException.class,
        () ->
            TenantHolds.post(
                ledger,
                List.of(held("vm-a1", "alice", "op", 40), held("vm-a2", "alice", "op", 10)),
                balances));
  }

  private Set<String> keysWritten() {
    return store.written.stream().map(StoredMovement::idempotencyKey).collect(Collectors.toSet());
  }
}
