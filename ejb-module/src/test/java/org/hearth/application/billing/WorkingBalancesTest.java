package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class WorkingBalancesTest {

  private static final LedgerAccountRef CREDITS =
      LedgerAccountRef.platform(LedgerAccountType.ADMIN_CREDITS);
  private static final LedgerAccountRef AVAILABLE = LedgerAccountRef.tenantAvailable("t");
  private static final LedgerAccountRef HELD = LedgerAccountRef.tenantHeld("t");

  @Test
  void sourcesGoNegativeOtherAccountsDoNot() {
    WorkingBalances balances = new WorkingBalances(Map.of());
    assertTrue(balances.apply(credit("c1", 100)).isEmpty());
    assertEquals(-100, balances.balance(CREDITS));
    assertTrue(balances.apply(hold("h1", 60)).isEmpty());

    var refusal = balances.apply(hold("h2", 41));

    assertTrue(refusal.isPresent());
    assertEquals(AVAILABLE, refusal.get().account());
    assertEquals(40, balances.balance(AVAILABLE), "a refused movement changes nothing");
    assertEquals(60, balances.balance(HELD));
    assertEquals(Map.of(CREDITS, -100L, AVAILABLE, 40L, HELD, 60L), balances.changed());
  }

  @Test
  void aRefusedMovementIsRefusedWholeEvenIfSomePostingsWouldFit() {
    WorkingBalances balances = new WorkingBalances(Map.of(AVAILABLE, 10L, HELD, 0L));
    Movement split =
        Movement.builder("m", MovementType.HOLD, null)
            .move(AVAILABLE, HELD, Money.of(5))
            .move(HELD, AVAILABLE, Money.of(6))
            .build();

    assertTrue(balances.apply(split).isPresent());
    assertEquals(10, balances.balance(AVAILABLE));
    assertEquals(0, balances.balance(HELD));
    assertTrue(balances.changed().isEmpty());
  }

  @Test
  void movementsMustBalanceAndMoveNoNegativeAmounts() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Movement(
                "k",
                MovementType.HOLD,
                null,
                List.of(new Posting(AVAILABLE, Money.of(-5)), new Posting(HELD, Money.of(4)))));
    assertThrows(IllegalArgumentException.class, () -> hold("k", -1));
    assertThrows(IllegalArgumentException.class, () -> hold("", 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Movement.builder("zero", MovementType.HOLD, null)
                .move(AVAILABLE, HELD, Money.ZERO)
                .build(),
        "a movement of nothing has no postings");
  }

  @Test
  void accountsLockInTheOrderOfTheirStoredNames() {
    LedgerAccountRef a = new LedgerAccountRef(LedgerAccountType.TENANT_HELD, "0aa");
    LedgerAccountRef b = new LedgerAccountRef(LedgerAccountType.TENANT_AVAILABLE, "zz");
    LedgerAccountRef c = new LedgerAccountRef(LedgerAccountType.OPERATOR_EARNED, "node:ff");
    assertEquals(List.of(c, b, a), List.of(a, b, c).stream().sorted().toList());
  }

  private static Movement credit(String key, long amount) {
    return Movement.transfer(
        key, MovementType.ADMIN_CREDIT, null, CREDITS, AVAILABLE, Money.of(amount));
  }

  private static Movement hold(String key, long amount) {
    return Movement.transfer(key, MovementType.HOLD, null, AVAILABLE, HELD, Money.of(amount));
  }
}
