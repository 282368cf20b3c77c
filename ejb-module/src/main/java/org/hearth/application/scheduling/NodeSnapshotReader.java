package org.hearth.application.scheduling;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.node.Uptimes;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;

/**
 * Reads the online nodes into snapshots in a transaction of its own, so the thousands of entities
 * it loads never join (and slow the commit of) the placement that asked for them. Equal regions,
 * tag sets and policies become one object each: most nodes share them, and a decision that walks
 * thousands of nodes then finds them in the CPU cache.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeSnapshotReader {

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;
  @Inject Uptimes uptimes;
  @Inject ReputationBoard reputations;

  public List<NodeSnapshot> online(Instant now) {
    ToDoubleFunction<Node> uptime = uptimes.at(now);
    ReputationBoard.Global reputation = reputations.global();
    return nodes.online(now.minus(settings.offlineAfter())).stream()
        .map(node -> NodeSnapshot.of(node, reputation.of(node, uptime.applyAsDouble(node)).score()))
        .toList();
  }
}
