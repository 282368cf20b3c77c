package org.hearth.application.node;

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
 * Every {@code hearth.node.health-check-interval}: marks silent nodes offline and counts offline
 * nodes' missed heartbeats. The timer is not persistent and not coordinated across servers; the
 * work it does claims itself in the database (see {@link DowntimeRecorder}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each unit of work runs in a transaction of its own, not in one around the whole tick.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeHealthMonitor {

  private static final System.Logger LOG = System.getLogger(NodeHealthMonitor.class.getName());

  @Resource TimerService timers;
  @EJB NodeHealth health;
  @Inject NodeSettings settings;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long every = settings.healthCheckInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("node-health", false));
    LOG.log(
        System.Logger.Level.INFO,
        "Node health check every {0}, offline after {1}",
        settings.healthCheckInterval(),
        settings.offlineAfter());
  }

  @Timeout
  void check() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous check is still running; skip this tick rather than queue it
    }
    try {
      health.markSilentNodesOffline();
      for (String nodeId : health.nodesWithUncountedDowntime()) {
        countDowntime(nodeId);
      }
      health.dropExpiredHistory();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Node health check failed", e);
    } finally {
      running.set(false);
    }
  }

  private void countDowntime(String nodeId) {
    try {
      health.countDowntime(nodeId);
    } catch (RuntimeException e) {
      // Another server or a heartbeat changed the node at the same time (its commit won), or the
      // node was removed meanwhile.
      LOG.log(
          System.Logger.Level.DEBUG,
          "node {0}: downtime counted concurrently elsewhere ({1})",
          nodeId,
          e.getMessage());
    }
  }
}
