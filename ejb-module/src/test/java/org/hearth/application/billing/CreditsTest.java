package org.hearth.application.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hearth.application.identity.Accounts;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

/** {@link Credits}: one credit per reference, and a reference names one credit only. */
class CreditsTest {

  private final RecordingLedgerStore store = new RecordingLedgerStore();
  private final Credits credits = new Credits();

  CreditsTest() {
    Ledger ledger = new Ledger();
    ledger.store = store;
    ledger.clock = Clock.fixed(Instant.parse("2026-12-07T20:00:00Z"), ZoneOffset.UTC);
    credits.ledger = ledger;
    credits.accounts =
        new Accounts() {
          @Override
          public boolean exists(String accountId) {
            return true;
          }
        };
  }

  @Test
  void theSameCreditAgainChangesNothing() {
    assertTrue(credits.credit("a", Money.of(500), "promo-1", "admin"));
    assertFalse(credits.credit("a", Money.of(500), "promo-1", "admin"));

    assertEquals(500L, store.balance(LedgerAccountRef.tenantAvailable("a")));
  }

  @Test
  void aReferenceUsedForAnotherAccountOrAmountIsRefused() {
    credits.credit("a", Money.of(500), "promo-1", "admin");

    assertThrows(
        CreditReferenceTakenException.class,
        () -> credits.credit("b", Money.of(500), "promo-1", "admin"));
    assertThrows(
        CreditReferenceTakenException.class,
        () -> credits.credit("a", Money.of(700), "promo-1", "admin"));
    assertEquals(0L, store.balance(LedgerAccountRef.tenantAvailable("b")));
    assertEquals(500L, store.balance(LedgerAccountRef.tenantAvailable("a")));
  }
}
