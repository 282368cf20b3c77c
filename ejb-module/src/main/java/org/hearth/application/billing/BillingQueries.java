package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.domain.billing.BillingReports;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/** Reports on billing: a VM's periods, an operator's earnings, the platform's economics. */
@Stateless
public class BillingQueries {

  private static final int MAX_CHARGES = 500;
  private static final Duration SERIES = Duration.ofDays(30);

  @Inject BillingReports reports;
  @Inject Ledger ledger;
  @Inject Clock clock;

  /** The VM's billing periods, newest first (the caller has checked the VM is visible). */
  public List<Charge> chargesOf(String vmId) {
    return reports.chargesOf(vmId, MAX_CHARGES);
  }

  /** What the account's nodes earned per node and day over the last 30 days. */
  public List<BillingReports.NodeDay> earnings(String accountId) {
    return reports.earningsByNodeAndDay(accountId, clock.instant().minus(SERIES));
  }

  /** The platform's books. */
  public Economics economics() {
    Instant since = clock.instant().minus(SERIES);
    Money fees = ledger.sumOfType(LedgerAccountType.PLATFORM_FEES);
    Money earned = ledger.sumOfType(LedgerAccountType.OPERATOR_EARNED);
    Money paying = ledger.sumOfType(LedgerAccountType.OPERATOR_PAYING);
    Money paid = ledger.sumOfType(LedgerAccountType.OPERATOR_PAID);
    Money available = ledger.sumOfType(LedgerAccountType.TENANT_AVAILABLE);
    Money held = ledger.sumOfType(LedgerAccountType.TENANT_HELD);
    Money unclaimed = ledger.sumOfType(LedgerAccountType.UNCLAIMED_DEPOSITS);
    return new Economics(
        fees.plus(earned).plus(paying).plus(paid),
        fees,
        paid,
        paying,
        available,
        held,
        earned,
        unclaimed,
        negated(ledger.sumOfType(LedgerAccountType.CHAIN_DEPOSITS)),
        negated(ledger.sumOfType(LedgerAccountType.ADMIN_CREDITS)),
        ledger.sumOfAllAccounts(),
        reports.revenueByDay(since));
  }

  private static Money negated(Money source) {
    return Money.ZERO.minus(source);
  }

  /**
   * The books: what tenants were charged (revenue) and the platform kept (fees), what was paid out
   * and is on its way, what is owed (tenant balances, operator earnings, unclaimed deposits), what
   * came in (deposits, admin credits), and the sum of all ledger accounts, zero while the books
   * balance.
   */
  public record Economics(
      Money revenue,
      Money platformFees,
      Money payouts,
      Money payoutsInFlight,
      Money tenantAvailable,
      Money tenantHeld,
      Money operatorEarned,
      Money unclaimedDeposits,
      Money deposits,
      Money adminCredits,
      Money ledgerSum,
      List<BillingReports.Day> daily) {

    public boolean booksBalance() {
      return ledgerSum.isZero();
    }
  }
}
