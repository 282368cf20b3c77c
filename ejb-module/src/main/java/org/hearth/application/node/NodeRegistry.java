package org.hearth.application.node;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.application.identity.Accounts;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeId;
import org.hearth.domain.node.NodeListing;
import org.hearth.domain.node.NodeLoad;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.node.NodeQuery;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.NotNodeOperatorException;
import org.hearth.domain.node.NotNodeOwnerException;
import org.hearth.domain.node.UnknownNodeException;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;

/** Registers nodes, takes their heartbeats and shows them with their uptime. */
@Stateless
@ReportsConcurrentChanges
public class NodeRegistry {

  private static final System.Logger LOG = System.getLogger(NodeRegistry.class.getName());

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;
  @Inject DowntimeRecorder downtime;
  @Inject Clock clock;
  @Inject Accounts accounts;
  @Inject Event<NodeClaimed> claims;

  /**
   * Registers the node of {@code machineId} under {@code pubkey}, or updates its profile.
   *
   * @param operatorKey the key of the operator's account, or null; the node joins that account only
   *     when the account {@link #claim claims} it
   */
  public Registration register(
      String pubkey, String machineId, NodeProfile profile, String operatorKey) {
    Instant now = clock.instant();
    Optional<Node> existing = nodes.find(NodeId.of(machineId, pubkey));
    if (existing.isPresent()) {
      Node node = existing.get();
      node.apply(profile, now);
      node.nameOperator(operatorKey);
      LOG.log(System.Logger.Level.INFO, "node {0}: profile updated", node.id());
      return new Registration(view(node, now), false);
    }
    Node node = new Node(pubkey, machineId, profile, now);
    node.nameOperator(operatorKey);
    nodes.add(node);
    LOG.log(System.Logger.Level.INFO, "node {0}: registered by key {1}", node.id(), pubkey);
    return new Registration(view(node, now), true);
  }

  /**
   * Records a heartbeat signed by {@code pubkey}. A node coming back from offline first has its
   * downtime counted up to now, so its uptime never jumps back, and the outage (from its last
   * heartbeat until now) recorded, so its VMs are not billed for it.
   */
  public NodeView heartbeat(String nodeId, String pubkey, NodeLoad load) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    if (!node.isOwnedBy(pubkey)) {
      throw new NotNodeOwnerException(nodeId);
    }
    Instant now = clock.instant();
    if (node.status() == NodeStatus.OFFLINE) {
      downtime.record(node, now);
      nodes.addOutage(nodeId, node.lastSeenAt(), now);
      LOG.log(System.Logger.Level.INFO, "node {0}: back online", nodeId);
    }
    node.heartbeat(load, now);
    return view(node, now);
  }

  /**
   * The account confirms it operates the node (idempotent): only an account holding the key the
   * node's registration names may, so no one claims another's node and no node joins an account
   * that did not ask for it.
   */
  public NodeView claim(String nodeId, String accountId) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    if (node.operatorKey() == null || !accounts.holdsKey(accountId, node.operatorKey())) {
      throw new NotNodeOperatorException(
          "node " + nodeId + " does not name a key of this account as its operator's");
    }
    if (!node.isOperatedBy(accountId)) {
      node.claimBy(accountId);
      claims.fire(new NodeClaimed(nodeId, accountId));
      LOG.log(System.Logger.Level.INFO, "node {0}: claimed by account {1}", nodeId, accountId);
    }
    return view(node, clock.instant());
  }

  /** The node's operator changes its listing. */
  public NodeView editListing(String nodeId, String accountId, NodeListing listing) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    if (!node.isOperatedBy(accountId)) {
      throw new NotNodeOperatorException("only the operator of node " + nodeId + " may edit it");
    }
    Instant now = clock.instant();
    node.editListing(listing, now);
    LOG.log(System.Logger.Level.INFO, "node {0}: listing edited by its operator", nodeId);
    return view(node, now);
  }

  /** The nodes the account operates. */
  public List<NodeView> operatedBy(String accountId) {
    Instant now = clock.instant();
    return nodes.operatedBy(accountId).stream().map(n -> view(n, now)).toList();
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
