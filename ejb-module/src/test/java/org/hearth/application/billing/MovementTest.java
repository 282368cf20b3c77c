package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class MovementTest {

  private static final LedgerAccountRef HELD = LedgerAccountRef.tenantHeld("t");
  private static final LedgerAccountRef AVAILABLE = LedgerAccountRef.tenantAvailable("t");
  private static final LedgerAccountRef EARNED = LedgerAccountRef.operatorEarned("op");
  private static final LedgerAccountRef FEES =
      LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES);

  @Test
  void transfersFromOneAccountBecomeOnePosting() {
    Movement settle =
        Movement.builder("settle:vm:1", MovementType.SETTLE, "vm")
            .move(HELD, EARNED, Money.of(95))
            .move(HELD, FEES, Money.of(5))
            .move(HELD, AVAILABLE, Money.of(20))
            .build();

    assertEquals(
        List.of(
            new Posting(HELD, Money.of(-120)),
            new Posting(EARNED, Money.of(95)),
            new Posting(FEES, Money.of(5)),
            new Posting(AVAILABLE, Money.of(20))),
        settle.postings());
  }

  @Test
  void accountsWhoseTransfersCancelOutAreLeftOut() {
    Movement movement =
        Movement.builder("m", MovementType.HOLD, null)
            .move(AVAILABLE, HELD, Money.of(7))
            .move(HELD, EARNED, Money.of(7))
            .build();

    assertEquals(
        List.of(new Posting(AVAILABLE, Money.of(-7)), new Posting(EARNED, Money.of(7))),
        movement.postings());
  }

  @Test
  void transfersThatMoveNothingOnBalanceAreEmpty() {
    Movement.Builder roundTrip =
        Movement.builder("m", MovementType.HOLD, null)
            .move(AVAILABLE, HELD, Money.of(3))
            .move(HELD, AVAILABLE, Money.of(3));

    assertTrue(roundTrip.isEmpty());
    assertTrue(
        Movement.builder("z", MovementType.HOLD, null).move(AVAILABLE, HELD, Money.ZERO).isEmpty());
  }
}
