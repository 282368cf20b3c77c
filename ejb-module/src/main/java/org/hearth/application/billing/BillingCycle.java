package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.billing.BilledTime;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.Lease;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/**
 * One batch of billing work per call, each in a transaction of its own that claims its rows with
 * row locks (skipping rows another batch has claimed, so two servers share the work), so concurrent
 * cycles (a timer firing twice, two servers) never bill a period twice: the unique charge row per
 * lease and period (for holds) and its settled mark, set only where it was not (for settlements),
 * make sure of it even if a lock were lost.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BillingCycle {

  private static final System.Logger LOG = System.getLogger(BillingCycle.class.getName());

  /** The accounts settlements pay that every server's settlements share. */
  private static final Set<LedgerAccountType> PAID_LAST =
      EnumSet.of(LedgerAccountType.OPERATOR_EARNED, LedgerAccountType.PLATFORM_FEES);

  @Inject LeaseStore store;
  @Inject Ledger ledger;
  @Inject BillingSettings settings;
  @Inject Notices notices;
  @Inject Event<LeaseUnpaid> unpaid;
  @Inject Event<PeriodsBilled> billed;
  @Inject Clock clock;

  static String holdKey(String vmId, Instant periodStart) {
    return "hold:" + vmId + ":" + periodStart.toEpochMilli();
  }

  static String settleKey(String vmId, Instant periodStart) {
    return "settle:" + vmId + ":" + periodStart.toEpochMilli();
  }

  /**
   * Holds the next period of open leases whose held time ends within the hold lead. A tenant who
   * cannot pay a hold has that lease closed and its VM suspended.
   *
   * @return the leases handled: none when none is due (or other batches hold them all)
   */
  public int holdNextPeriods() {
    Instant now = clock.instant();
    List<Lease> due = store.lockDueForHold(now.plus(settings.holdLead()), settings.batchSize());
    if (due.isEmpty()) {
      return 0;
    }
    List<Charge> charges = new ArrayList<>();
    for (Lease lease : due) {
      Instant start = lease.heldUntil();
      Instant end = start.plus(settings.period());
      Money held = BillingMath.hold(Money.of(lease.pricePerHour()), start, end);
      charges.add(
          new Charge(
              lease.vmId(),
              start,
              end,
              lease.tenantAccountId(),
              lease.nodeId(),
              lease.earner(),
              lease.pricePerHour(),
              held.amount(),
              null,
              null,
              null));
    }
    Map<LedgerAccountRef, Long> balances = new HashMap<>();
    Map<String, InsufficientFundsException> refused = TenantHolds.post(ledger, charges, balances);
    List<Charge> paid = new ArrayList<>();
    List<Charge> unpaidCharges = new ArrayList<>();
    for (Charge charge : charges) {
      if (refused.containsKey(charge.vmId())) {
        unpaidCharges.add(charge);
      } else {
        paid.add(charge);
      }
    }
    // Suspending a VM locks its node's row to give the capacity back: in node order, so that two
    // batches suspending VMs on the same nodes do not deadlock.
    unpaidCharges.sort(Comparator.comparing(Charge::nodeId).thenComparing(Charge::vmId));
    unpaidCharges.forEach(c -> suspend(c, refused.get(c.vmId()), now));
    store.insertCharges(paid);
    store.extendHeld(paid.stream().map(Charge::vmId).toList(), settings.period());
    billed.fire(PeriodsBilled.of(paid));
    warnLowBalances(due, balances);
    return due.size();
  }

  private void suspend(Charge charge, InsufficientFundsException refusal, Instant now) {
    store.close(charge.vmId(), now);
    unpaid.fire(new LeaseUnpaid(charge.vmId(), charge.tenantAccountId(), refusal.getMessage()));
    notices.raise(
        charge.tenantAccountId(),
        Notices.Kind.VM_SUSPENDED,
        "VM "
            + charge.vmId()
            + " was suspended: your balance cannot pay its next billing period. Top up and"
            + " resume it within the retention time, or it is deleted.");
    LOG.log(
        System.Logger.Level.INFO,
        "lease {0}: next period not paid, VM suspended ({1})",
        charge.vmId(),
        refusal.getMessage());
  }

  /**
   * Settles periods that ended (at least {@link BillingSettings#settleAfter} ago): the part of the
   * hold the VM used (time running on a node that was online) goes to the earner less the platform
   * fee, and the rest back to the tenant.
   *
   * @return the charges settled: none when none is due (or other batches hold them all)
   */
  public int settleEndedPeriods() {
    Instant now = clock.instant();
    List<Charge> due =
        store.lockDueForSettlement(now.minus(settings.settleAfter()), settings.batchSize());
    if (due.isEmpty()) {
      return 0;
    }
    Set<String> vmIds = new HashSet<>();
    Set<String> nodeIds = new HashSet<>();
    due.forEach(
        c -> {
          vmIds.add(c.vmId());
          nodeIds.add(c.nodeId());
        });
    Map<String, List<BilledTime.StateChange>> changes = store.stateChanges(vmIds);
    Map<String, List<BilledTime.Outage>> outages = store.outages(nodeIds);
    List<Charge> settled = new ArrayList<>();
    for (Charge charge : due) {
      long seconds =
          BilledTime.seconds(
              changes.getOrDefault(charge.vmId(), List.of()),
              outages.getOrDefault(charge.nodeId(), List.of()),
              charge.periodStart(),
              charge.periodEnd());
      Money charged =
          BillingMath.charge(Money.of(charge.pricePerHour()), seconds, Money.of(charge.held()));
      Money fee = BillingMath.fee(charged, settings.platformFeeBps());
      settled.add(charge.settled(seconds, charged.amount(), fee.amount()));
    }
    // The charges first, so that paying the operators and the fee, which other servers' batches
    // pay too, is the last work before the commit (see Ledger.postAll). Only the rows this batch
    // moved from unsettled to settled are paid: that, not a movement's key, makes each period's
    // settlement happen once, as a movement settles a tenant's periods of one batch together.
    Set<String> changed = store.markSettled(settled, now);
    List<Charge> paid =
        settled.stream()
            .filter(c -> changed.contains(LeaseStore.key(c.vmId(), c.periodStart())))
            .toList();
    PostResult result =
        ledger
            .postAll(List.copyOf(BatchMovements.settlements(paid).values()), PAID_LAST)
            .requireNonePostedBefore();
    if (!result.refused().isEmpty()) {
      // A settlement only spends its own hold: a refusal means the books are broken. Roll back.
      throw new IllegalStateException("settlement refused: " + result.refused());
    }
    billed.fire(PeriodsBilled.of(paid));
    return due.size();
  }

  /** Warns tenants whose balance covers fewer than the configured periods of their leases. */
  private void warnLowBalances(List<Lease> leases, Map<LedgerAccountRef, Long> balances) {
    Set<String> tenants = new HashSet<>();
    leases.forEach(lease -> tenants.add(lease.tenantAccountId()));
    Map<String, Long> pricePerHour = store.openPricePerHour(tenants);
    List<String> covered = new ArrayList<>();
    for (String tenant : tenants) {
      Money perPeriod =
          BillingMath.forSeconds(
              Money.of(pricePerHour.getOrDefault(tenant, 0L)), settings.period().toSeconds());
      Money needed = perPeriod.times(settings.warnPeriods());
      LedgerAccountRef available = LedgerAccountRef.tenantAvailable(tenant);
      Long balance = balances.get(available);
      Money left = balance != null ? Money.of(balance) : ledger.balance(available);
      if (left.compareTo(needed) < 0 && !perPeriod.isZero()) {
        notices.raise(
            tenant,
            Notices.Kind.LOW_BALANCE,
            "Your balance of "
                + left.amount()
                + " covers fewer than "
                + settings.warnPeriods()
                + " billing periods of your running VMs ("
                + perPeriod.amount()
                + " per period). Top up to keep them running.");
      } else {
        covered.add(tenant);
      }
    }
    notices.clearAll(covered, Notices.Kind.LOW_BALANCE);
  }
}
