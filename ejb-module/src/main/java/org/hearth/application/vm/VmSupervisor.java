package org.hearth.application.vm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hearth.application.billing.BillingSettings;

/**
 * Every {@code hearth.vm.check-interval}: tries again to place requests waiting for capacity, stops
 * VMs whose duration ran out, marks VMs on long-silent nodes {@code LOST}, and ends VMs suspended
 * for longer than {@code hearth.billing.retain-suspended}. Each VM is handled in its own
 * transaction; the VM's version column makes two servers doing the same work safe (one of them
 * fails to commit). Waiting requests are placed by {@code hearth.vm.placement-workers} threads at
 * once, so one slow database round trip does not hold up the queue.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each unit of work runs in a transaction of its own, not in one around the whole tick.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VmSupervisor {

  private static final System.Logger LOG = System.getLogger(VmSupervisor.class.getName());
  private static final int BATCH = 20;

  @Resource TimerService timers;

  @Resource ManagedThreadFactory threads;

  @EJB VmService vmService;
  @EJB VmQueries queries;
  @Inject VmSettings settings;
  @Inject BillingSettings billing;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();
  private ExecutorService placementWorkers;

  @PostConstruct
  void schedule() {
    placementWorkers = Executors.newFixedThreadPool(settings.placementWorkers(), threads);
    long every = settings.checkInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("vm-supervisor", false));
  }

  @PreDestroy
  void stopWorkers() {
    placementWorkers.shutdownNow();
  }

  @Timeout
  void check() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      placeWaiting(queries.waiting());
      queries.expiredBefore(clock.instant()).forEach(each(vmService::expire));
      queries
          .onNodesSilentSince(clock.instant().minus(settings.lostAfter()))
          .forEach(each(vmService::markLost));
      Instant retainedSince = clock.instant().minus(billing.retainSuspended());
      queries
          .suspendedSince(retainedSince)
          .forEach(each(vmId -> vmService.discardSuspendedSince(vmId, retainedSince)));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "VM supervision failed", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Places waiting requests on {@code hearth.vm.placement-workers} threads, oldest first, {@link
   * #BATCH} to a transaction (one commit for many placements); a batch that fails is placed again
   * one request per transaction, so one bad request (or one changed meanwhile) cannot hold up the
   * others.
   */
  private void placeWaiting(List<String> ids) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndAdd(BATCH); i < ids.size(); i = next.getAndAdd(BATCH)) {
            List<String> batch = ids.subList(i, Math.min(i + BATCH, ids.size()));
            try {
              vmService.retryPlacements(batch);
            } catch (RuntimeException e) {
              batch.forEach(each(vmService::retryPlacement));
            }
          }
        };
    List<Future<?>> workers = new ArrayList<>();
    int count = Math.min(settings.placementWorkers(), (ids.size() + BATCH - 1) / BATCH);
    for (int w = 0; w < count; w++) {
      workers.add(placementWorkers.submit(worker));
    }
    for (Future<?> each : workers) {
      try {
        each.get();
      } catch (ExecutionException e) {
        LOG.log(System.Logger.Level.ERROR, "placing waiting VMs failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Consumer<String> each(Consumer<String> work) {
    return vmId -> {
      try {
        work.accept(vmId);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.DEBUG, "vm {0}: changed concurrently ({1})", vmId, e.getMessage());
      }
    };
  }
}
