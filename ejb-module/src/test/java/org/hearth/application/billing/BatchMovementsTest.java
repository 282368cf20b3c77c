package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class BatchMovementsTest {

  static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
  private static final LedgerAccountRef FEES =
      LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES);

  @Test
  void aTenantsHoldsAreOneMovementWithOneEntryPerAccount() {
    Map<String, Movement> holds =
        BatchMovements.holds(
            List.of(
                held("vm-a1", "alice", "op-1", 120),
                held("vm-b1", "bob", "op-1", 60),
                held("vm-a2", "alice", "op-2", 80)));

    assertEquals(List.of("alice", "bob"), List.copyOf(holds.keySet()));
    Movement alice = holds.get("alice");
    assertEquals(BillingCycle.holdKey("vm-a1", START), alice.idempotencyKey());
    assertEquals(MovementType.HOLD, alice.type());
    assertEquals("vm-a1 and 1 more periods", alice.reference());
    assertEquals(
        List.of(
            new Posting(LedgerAccountRef.tenantAvailable("alice"), Money.of(-200)),
            new Posting(LedgerAccountRef.tenantHeld("alice"), Money.of(200))),
        alice.postings());
    assertEquals("vm-b1", holds.get("bob").reference());
  }

  @Test
  void aTenantsSettlementsAreOneMovementWithOneEntryPerAccount() {
    Map<String, Movement> settlements =
        BatchMovements.settlements(
            List.of(
                settled("vm-a1", "alice", "op-1", 120, 100, 5),
                settled("vm-b1", "bob", "op-1", 60, 60, 3),
                settled("vm-a2", "alice", "op-2", 80, 40, 2)));

    assertEquals(List.of("alice", "bob"), List.copyOf(settlements.keySet()));
    Movement alice = settlements.get("alice");
    assertEquals(BillingCycle.settleKey("vm-a1", START), alice.idempotencyKey());
    assertEquals(MovementType.SETTLE, alice.type());
    assertEquals("vm-a1 and 1 more periods", alice.reference());
    assertEquals(
        List.of(
            new Posting(LedgerAccountRef.tenantHeld("alice"), Money.of(-200)),
            new Posting(LedgerAccountRef.operatorEarned("op-1"), Money.of(95)),
            new Posting(FEES, Money.of(7)),
            new Posting(LedgerAccountRef.tenantAvailable("alice"), Money.of(60)),
            new Posting(LedgerAccountRef.operatorEarned("op-2"), Money.of(38))),
        alice.postings());

    Movement bob = settlements.get("bob");
    assertEquals(BillingCycle.settleKey("vm-b1", START), bob.idempotencyKey());
    assertEquals("vm-b1", bob.reference());
    assertEquals(
        List.of(
            new Posting(LedgerAccountRef.tenantHeld("bob"), Money.of(-60)),
            new Posting(LedgerAccountRef.operatorEarned("op-1"), Money.of(57)),
            new Posting(FEES, Money.of(3))),
        bob.postings(),
        "a period charged in full releases nothing");
  }

  @Test
  void aTenantWhosePeriodsMoveNothingGetsNoMovement() {
    assertEquals(Map.of(), BatchMovements.holds(List.of(held("vm-free", "carol", "op-1", 0))));

    Map<String, Movement> settlements =
        BatchMovements.settlements(
            List.of(
                settled("vm-free", "carol", "op-1", 0, 0, 0),
                settled("vm-idle", "dave", "op-1", 10, 0, 0)));

    assertEquals(List.of("dave"), List.copyOf(settlements.keySet()));
    assertEquals(
        List.of(
            new Posting(LedgerAccountRef.tenantHeld("dave"), Money.of(-10)),
            new Posting(LedgerAccountRef.tenantAvailable("dave"), Money.of(10))),
        settlements.get("dave").postings(),
        "a period not used is released whole");
  }

  static Charge held(String vmId, String tenant, String earner, long held) {
    return new Charge(
        vmId,
        START,
        START.plusSeconds(600),
        tenant,
        "node-" + earner,
        earner,
        3600,
        held,
        null,
        null,
        null);
  }

  private static Charge settled(
      String vmId, String tenant, String earner, long held, long charged, long fee) {
    return held(vmId, tenant, earner, held).settled(600, charged, fee);
  }
}
