package org.hearth.application.market;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.hearth.application.node.Uptimes;
import org.hearth.application.reputation.Reputation;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.domain.node.Gpu;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;

/** Reads the nodes into marketplace entries, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MarketReader {

  @Inject NodeRepository nodes;
  @Inject Uptimes uptimes;
  @Inject ReputationBoard reputations;

  /**
   * Every node listed as of {@code now}, reading again only the rows changed since {@code previous}
   * was read.
   */
  public MarketListing next(Instant now, MarketListing previous) {
    return previous.next(nodes.versions(), nodes::withIds, uptimes.at(now), reputations.global());
  }

  static MarketNode entry(Node node, Reputation reputation, double uptimePercent) {
    return new MarketNode(
        node.id(),
        node.region(),
        node.tags(),
        node.description(),
        node.status(),
        node.cores(),
        node.computePoints(),
        node.memoryMib(),
        node.diskGib(),
        node.gpus().stream().map(Gpu::model).toList(),
        node.capacity(),
        node.policy(),
        node.priceList(),
        uptimePercent,
        reputation,
        node.totalVmsHosted(),
        node.successfulCompletions(),
        node.registeredAt());
  }
}
