package org.hearth.application.reputation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.node.Uptimes;
import org.hearth.application.nostr.RelayStore;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.ReviewRepository;
import org.hearth.domain.reputation.ReviewStats;

/** Reads what every node's reputation is computed from, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReputationReader {

  @Inject NodeRepository nodes;
  @Inject Uptimes uptimes;
  @Inject NodeSettings settings;
  @Inject ReviewRepository reviews;
  @Inject DeliveryTally delivery;
  @Inject RelayStore relay;
  @Inject Attestations attestations;

  /**
   * What every node's reputation is computed from (without social trust, which depends on who is
   * looking), and the key trust must reach for each node (its operator's, else its own).
   */
  public record Snapshot(Map<String, ReputationInputs> inputs, Map<String, String> trustKeys) {}

  public Snapshot read(Instant now) {
    ToDoubleFunction<Node> uptime = uptimes.at(now);
    Map<String, ReviewStats> reviewStats = reviews.statsPerNode();
    ReviewStats everyReview =
        reviewStats.values().stream().reduce(ReviewStats.NONE, ReviewStats::plus);
    Map<String, DeliveryTally.Delivery> delivered =
        delivery.at(now, now.minus(settings.uptimeWindow()));
    Map<String, AttestationSummary> attested = attestations.currentPerNode(now);
    Map<String, ReputationInputs> inputs = new HashMap<>();
    Map<String, String> trustKeys = new HashMap<>();
    for (Node node : nodes.all()) {
      trustKeys.put(node.id(), trustKey(node));
      DeliveryTally.Delivery d = delivered.getOrDefault(node.id(), DeliveryTally.Delivery.NONE);
      inputs.put(
          node.id(),
          new ReputationInputs(
              uptime.applyAsDouble(node),
              node.totalVmsHosted(),
              node.successfulCompletions(),
              Duration.between(node.registeredAt(), now).toDays(),
              reviewStats.getOrDefault(node.id(), ReviewStats.NONE),
              everyReview.average(),
              d.periods(),
              d.interrupted(),
              null,
              attested.get(node.id())));
    }
    return new Snapshot(inputs, trustKeys);
  }

  /** Who follows whom, from the follow lists (kind 3) the relay holds. */
  public FollowGraph follows() {
    return FollowGraph.of(relay.followLists());
  }

  /** The key whose follows vouch for a node: its operator's account key, else its own. */
  public static String trustKey(Node node) {
    return node.operatorKey() != null ? node.operatorKey() : node.pubkey();
  }
}
