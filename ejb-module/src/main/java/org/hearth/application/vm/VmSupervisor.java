package org.hearth.application.vm;

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
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every {@code hearth.vm.check-interval}: tries again to place requests waiting for capacity, stops
 * VMs whose duration ran out and marks VMs on long-silent nodes {@code LOST}. Each VM is handled in
 * its own transaction; the VM's version column makes two servers doing the same work safe (one of
 * them fails to commit).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each unit of work runs in a transaction of its own, not in one around the whole tick.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VmSupervisor {

  private static final System.Logger LOG = System.getLogger(VmSupervisor.class.getName());

  @Resource TimerService timers;
  @EJB VmService vmService;
  @EJB VmQueries queries;
  @Inject VmSettings settings;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long every = settings.checkInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("vm-supervisor", false));
  }

  @Timeout
  void check() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      queries.waiting().forEach(each(vmService::retryPlacement));
      queries.expiredBefore(clock.instant()).forEach(each(vmService::expire));
      queries
          .onNodesSilentSince(clock.instant().minus(settings.lostAfter()))
          .forEach(each(vmService::markLost));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "VM supervision failed", e);
    } finally {
      running.set(false);
    }
  }

  private static Consumer<String> each(Consumer<String> work) {
    return vmId -> {
      try {
        work.accept(vmId);
      } catch (EJBException e) {
        LOG.log(
            System.Logger.Level.DEBUG, "vm {0}: changed concurrently ({1})", vmId, e.getMessage());
      }
    };
  }
}
