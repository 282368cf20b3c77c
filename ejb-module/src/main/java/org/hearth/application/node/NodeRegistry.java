package org.hearth.application.node;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeId;
import org.hearth.domain.node.NodeLoad;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.node.NodeQuery;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.NotNodeOwnerException;
import org.hearth.domain.node.UnknownNodeException;

/** Registers nodes, takes their heartbeats and shows them with their uptime. */
@Stateless
public class NodeRegistry {

  private static final System.Logger LOG = System.getLogger(NodeRegistry.class.getName());

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;
  @Inject DowntimeRecorder downtime;
  @Inject Clock clock;

  /** Registers the node of {@code machineId} under {@code pubkey}, or updates its profile. */
  public Registration register(String pubkey, String machineId, NodeProfile profile) {
    Instant now = clock.instant();
    Optional<Node> existing = nodes.find(NodeId.of(machineId, pubkey));
    if (existing.isPresent()) {
      Node node = existing.get();
      node.apply(profile, now);
      LOG.log(System.Logger.Level.INFO, "node {0}: profile updated", node.id());
      return new Registration(view(node, now), false);
    }
    Node node = new Node(pubkey, machineId, profile, now);
    nodes.add(node);
    LOG.log(System.Logger.Level.INFO, "node {0}: registered by key {1}", node.id(), pubkey);
    return new Registration(view(node, now), true);
  }

  /**
   * Records a heartbeat signed by {@code pubkey}. A node coming back from offline first has its
   * downtime counted up to now, so its uptime never jumps back.
   */
  public NodeView heartbeat(String nodeId, String pubkey, NodeLoad load) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    if (!node.isOwnedBy(pubkey)) {
      throw new NotNodeOwnerException(nodeId);
    }
    Instant now = clock.instant();
    if (node.status() == NodeStatus.OFFLINE) {
      downtime.record(node, now);
      LOG.log(System.Logger.Level.INFO, "node {0}: back online", nodeId);
    }
    node.heartbeat(load, now);
    return view(node, now);
  }

  public NodeView find(String nodeId) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    return view(node, clock.instant());
  }

  public NodePage search(NodeQuery query) {
    Instant now = clock.instant();
    List<Node> page = nodes.search(query);
    LocalDate oldestDay = LocalDate.ofInstant(now.minus(settings.uptimeWindow()), ZoneOffset.UTC);
    Map<String, Long> missed = nodes.missedSince(page.stream().map(Node::id).toList(), oldestDay);
    List<NodeView> items =
        page.stream().map(n -> view(n, now, missed.getOrDefault(n.id(), 0L))).toList();
    return new NodePage(items, query.page(), query.size(), nodes.count(query));
  }

  private NodeView view(Node node, Instant now) {
    LocalDate firstDay = settings.uptimeCalculator().firstDay(node.registeredAt(), now);
    long recorded = nodes.missedSince(List.of(node.id()), firstDay).getOrDefault(node.id(), 0L);
    return view(node, now, recorded);
  }

  private NodeView view(Node node, Instant now, long recordedMissed) {
    long pending = node.status() == NodeStatus.OFFLINE ? downtime.pending(node, now).total() : 0L;
    double uptime =
        settings.uptimeCalculator().percent(node.registeredAt(), now, recordedMissed + pending);
    return new NodeView(node, uptime);
  }
}
