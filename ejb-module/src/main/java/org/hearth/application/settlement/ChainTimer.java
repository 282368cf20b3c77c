package org.hearth.application.settlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every {@code hearth.chain.poll-interval}: credits confirmed deposits and reconciles submitted
 * payouts; every {@code hearth.settlement.period}: one payout cycle. Off (and says so) when no
 * chain is configured. An RPC outage only delays: the next tick tries again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainTimer {

  private static final System.Logger LOG = System.getLogger(ChainTimer.class.getName());

  @Resource TimerService timers;
  @EJB DepositScanner deposits;
  @EJB PayoutCycle payouts;
  @Inject SettlementChain chain;
  @Inject SettlementSettings settings;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Instant nextPayoutCycle;

  @PostConstruct
  void schedule() {
    if (!chain.enabled()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "No settlement chain configured: deposits are not credited and operators are not paid"
              + " out.");
      return;
    }
    long every = settings.pollInterval().toMillis();
    nextPayoutCycle = Instant.now().plus(settings.period());
    timers.createIntervalTimer(every, every, new TimerConfig("chain", false));
    LOG.log(
        System.Logger.Level.INFO,
        "Deposits scanned every {0}; payouts every {1} (at least {2}, at most {3} transfers)",
        settings.pollInterval(),
        settings.period(),
        settings.minPayout(),
        settings.maxTransfers());
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      step("deposit scan", this::scanDeposits);
      step("payout reconciliation", () -> broadcast(payouts.reconcile()));
      if (!Instant.now().isBefore(nextPayoutCycle)) {
        nextPayoutCycle = Instant.now().plus(settings.period());
        step("payout cycle", this::payOut);
      }
    } finally {
      running.set(false);
    }
  }

  private void scanDeposits() {
    for (int i = 0; i < 100 && deposits.scanNextRange(); i++) {
      // next range
    }
  }

  private void payOut() {
    int created = payouts.createPending();
    if (created > 0) {
      LOG.log(System.Logger.Level.INFO, "Payout cycle: {0} payouts", created);
    }
    for (int i = 0; i < settings.maxTransfers() * 2; i++) {
      Optional<SignedTransfer> signed = payouts.submitNext();
      if (signed.isEmpty()) {
        return;
      }
      broadcast(List.of(signed.get()));
    }
  }

  /** Sends transfers already recorded SUBMITTED; a failure leaves them for reconciliation. */
  private void broadcast(List<SignedTransfer> transfers) {
    for (SignedTransfer transfer : transfers) {
      try {
        chain.broadcast(transfer);
      } catch (ChainUnavailableException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "broadcast of {0} failed, retried later: {1}",
            transfer.transactionHash(),
            e.getMessage());
      }
    }
  }

  private void step(String what, Runnable work) {
    try {
      work.run();
    } catch (ChainUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING, "{0} delayed, chain unavailable: {1}", what, e.getMessage());
    } catch (EJBException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof ChainUnavailableException) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} delayed, chain unavailable: {1}",
            what,
            cause.getMessage());
      } else {
        LOG.log(System.Logger.Level.ERROR, what + " failed; the next tick retries", e);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, what + " failed; the next tick retries", e);
    }
  }
}
