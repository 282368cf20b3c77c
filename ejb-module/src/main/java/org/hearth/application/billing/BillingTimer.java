package org.hearth.application.billing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.hearth.infrastructure.time.ServerStart;

/**
 * Every {@code hearth.billing.tick}: settles the periods that ended, then holds the periods about
 * to start, batch after batch until none is due. The timer is neither persistent nor coordinated
 * across servers; each batch claims its rows in the database (see {@link BillingCycle}).
 *
 * <p>A starting server settles nothing until its startup grace is over and the nodes' health has
 * been checked once more: a settlement charges by the nodes' outages, and until then a node that
 * died while this server was down still looks online (see {@link ServerStart}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingTimer {

  private static final System.Logger LOG = System.getLogger(BillingTimer.class.getName());

  @Resource TimerService timers;
  @EJB BillingCycle cycle;
  @Inject BillingSettings settings;
  @Inject ServerStart serverStart;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long every = settings.tick().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("billing", false));
    LOG.log(
        System.Logger.Level.INFO,
        "Billing every {0} (period {1}, platform fee {2} bps)",
        settings.tick(),
        settings.period(),
        settings.platformFeeBps());
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous tick is still at work
    }
    try {
      long started = System.nanoTime();
      int settled =
          serverStart.graceOver(settings.healthCheckInterval())
              ? drain(cycle::settleEndedPeriods)
              : 0;
      int held = drain(cycle::holdNextPeriods);
      if (settled + held > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "Billing cycle: settled {0} and held {1} periods in {2} ms",
            settled,
            held,
            (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Billing cycle failed; the next tick retries", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Runs batches until one finds nothing to do (nothing more is due, or other batches hold the
   * rest); returns the total. A short batch is no sign of the end: a batch leaves the rows of
   * tenants another batch is billing.
   */
  private int drain(IntSupplier batch) {
    int total = 0;
    int handled;
    while ((handled = batch.getAsInt()) > 0) {
      total += handled;
      pause();
    }
    return total;
  }

  private void pause() {
    if (settings.batchPause().isZero()) {
      return;
    }
    try {
      Thread.sleep(settings.batchPause().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("billing interrupted", e);
    }
  }
}
