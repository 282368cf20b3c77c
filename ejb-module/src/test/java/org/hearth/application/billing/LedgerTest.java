package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final LedgerAccountRef HELD = LedgerAccountRef.tenantHeld("t");
  private static final LedgerAccountRef AVAILABLE = LedgerAccountRef.tenantAvailable("t");
  private static final LedgerAccountRef EARNED = LedgerAccountRef.operatorEarned("op");
  private static final LedgerAccountRef FEES =
      LedgerAccountRef.platform(LedgerAccountType.PLATFORM_FEES);

  private final RecordingLedgerStore store = new RecordingLedgerStore();
  private final Ledger ledger = new Ledger();

  LedgerTest() {
    ledger.store = store;
    ledger.clock = Clock.fixed(Instant.parse("2026-12-06T22:00:00Z"), ZoneOffset.UTC);
    store.balances.put(HELD, 100L);
    store.balances.put(AVAILABLE, 0L);
  }

  @Test
  void accountsPaidLastAreNotLockedFirstAndReceiveTheirSumsAtTheEnd() {
    PostResult result =
        ledger.postAll(
            List.of(settle("s1", 60, 57, 3), settle("s2", 40, 19, 1)),
            Set.of(LedgerAccountType.OPERATOR_EARNED, LedgerAccountType.PLATFORM_FEES));

    assertEquals(Set.of("s1", "s2"), result.posted());
    assertEquals(List.of(Set.of(AVAILABLE, HELD)), store.locked);
    assertEquals(Map.of(HELD, 0L, AVAILABLE, 20L), store.newBalances);
    assertEquals(Map.of(EARNED, 76L, FEES, 4L), store.credits);
    assertEquals(2, store.written.size());
  }

  @Test
  void withoutAccountsPaidLastEveryAccountIsLockedFirst() {
    ledger.postAll(List.of(settle("s1", 60, 57, 3)));

    assertEquals(List.of(Set.of(HELD, EARNED, FEES)), store.locked);
    assertEquals(Map.of(HELD, 40L, EARNED, 57L, FEES, 3L), store.newBalances);
    assertTrue(store.credits.isEmpty());
  }

  private static Movement settle(String key, long held, long earned, long fee) {
    return Movement.builder(key, MovementType.SETTLE, null)
        .move(HELD, EARNED, Money.of(earned))
        .move(HELD, FEES, Money.of(fee))
        .move(HELD, AVAILABLE, Money.of(held - earned - fee))
        .build();
  }
}
