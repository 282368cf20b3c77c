package org.hearth.application.node;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;
import org.hearth.infrastructure.time.ServerStart;

/**
 * The health monitor's units of work, each its own transaction: mark silent nodes offline, count
 * one offline node's missed heartbeats, drop history that left the uptime window. Every step is
 * safe to run on two servers at once.
 */
@Stateless
@ReportsConcurrentChanges
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeHealth {

  private static final System.Logger LOG = System.getLogger(NodeHealth.class.getName());

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;
  @Inject DowntimeRecorder downtime;
  @Inject ServerStart serverStart;
  @Inject Clock clock;

  /** Marks online nodes offline whose last heartbeat is older than the offline timeout. */
  public int markSilentNodesOffline() {
    int marked =
        nodes.markOfflineIfSilentSince(
            clock.instant().minus(settings.offlineAfter()), heardSinceUnlessGraceOver());
    if (marked > 0) {
      LOG.log(System.Logger.Level.INFO, "{0} node(s) went offline", marked);
    }
    return marked;
  }

  /** Before the startup grace is over, only nodes heard from since this server started count. */
  private Instant heardSinceUnlessGraceOver() {
    return serverStart.graceOver() ? Instant.EPOCH : serverStart.startedAt();
  }

  /** The offline nodes that have missed at least one whole interval not yet counted. */
  public List<String> nodesWithUncountedDowntime() {
    return nodes.offlineNodeIdsSeenBefore(clock.instant().minus(settings.heartbeatInterval()));
  }

  /** Counts the missed heartbeats of one offline node up to now. */
  public void countDowntime(String nodeId) {
    nodes
        .find(nodeId)
        .filter(node -> node.status() == NodeStatus.OFFLINE)
        .ifPresent(node -> downtime.record(node, clock.instant()));
  }

  /** Drops missed-heartbeat days that are older than the uptime window. */
  public int dropExpiredHistory() {
    Instant windowStart = clock.instant().minus(settings.uptimeWindow());
    return nodes.dropMissedBefore(LocalDate.ofInstant(windowStart, ZoneOffset.UTC));
  }
}
