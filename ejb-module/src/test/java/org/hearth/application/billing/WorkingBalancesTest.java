package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
    WorkingBalances balances = new WorkingBalances(Map.of(), Set.of());
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
    LedgerAccountRef earned = LedgerAccountRef.operatorEarned("op");
    WorkingBalances balances = new WorkingBalances(Map.of(AVAILABLE, 10L, HELD, 0L), Set.of());
    Movement split =
        new Movement(
            "m",
            MovementType.HOLD,
            null,
            List.of(
                new Posting(HELD, Money.of(6)),
                new Posting(earned, Money.of(5)),
                new Posting(AVAILABLE, Money.of(-11))));

    assertTrue(balances.apply(split).isPresent());
    assertEquals(10, balances.balance(AVAILABLE));
    assertEquals(0, balances.balance(HELD));
    assertEquals(0, balances.balance(earned));
    assertTrue(balances.changed().isEmpty());
  }

  @Test
  void accountsCreditedLastAreSummedNotLockedAndMayOnlyReceive() {
    LedgerAccountRef earned = LedgerAccountRef.operatorEarned("op");
    LedgerAccountRef fees = LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES);
    WorkingBalances balances =
        new WorkingBalances(
            Map.of(HELD, 100L, AVAILABLE, 0L),
            Set.of(LedgerAccountType.OPERATOR_EARNED, LedgerAccountType.PLATFORM_FEES));

    assertTrue(balances.apply(settle("s1", 60, 57, 3)).isEmpty());
    assertTrue(balances.apply(settle("s2", 40, 19, 1)).isEmpty());

    assertEquals(Map.of(earned, 76L, fees, 4L), balances.credits());
    assertEquals(Map.of(HELD, 0L, AVAILABLE, 20L), balances.changed());
    assertTrue(balances.apply(settle("s3", 1, 1, 0)).isPresent(), "the held account is checked");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            balances.apply(
                Movement.transfer(
                    "payout", MovementType.PAYOUT_PENDING, null, earned, AVAILABLE, Money.of(1))));
    assertEquals(Map.of(earned, 76L, fees, 4L), balances.credits());
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

  private static Movement settle(String key, long held, long earned, long fee) {
    return Movement.builder(key, MovementType.SETTLE, null)
        .move(HELD, LedgerAccountRef.operatorEarned("op"), Money.of(earned))
        .move(HELD, LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES), Money.of(fee))
        .move(HELD, AVAILABLE, Money.of(held - earned - fee))
        .build();
  }

  private static Movement hold(String key, long amount) {
    return Movement.transfer(key, MovementType.HOLD, null, AVAILABLE, HELD, Money.of(amount));
  }
}
