package org.hearth.application.compute;

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

/**
 * Publishes new states of the jobs' VMs every {@code hearth.compute.status-interval}. Reading the
 * states (not hooking each transition) means a status lost to a crash is published at the next
 * tick.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobStatusTimer {

  private static final System.Logger LOG = System.getLogger(JobStatusTimer.class.getName());

  @Resource TimerService timers;
  @EJB ComputeJobs jobs;
  @Inject ComputeSettings settings;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long every = settings.statusInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("compute-job-status", false));
  }

  @Timeout
  void publish() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      jobs.publishStatuses();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Job statuses not published: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
