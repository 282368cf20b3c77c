package org.hearth.application.market;

import java.time.Instant;
import java.util.List;
import org.hearth.application.reputation.Reputation;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.ProviderPolicy;

/**
 * A node as the marketplace lists it, copied out of the database so searches run in memory.
 *
 * @param prices the node's price list
 * @param reputation the node's global reputation, explained
 */
public record MarketNode(
    String id,
    String region,
    List<String> tags,
    String description,
    NodeStatus status,
    int cores,
    long computePoints,
    long memoryMib,
    long diskGib,
    List<String> gpuModels,
    Capacity capacity,
    ProviderPolicy policy,
    PriceList prices,
    double uptimePercent,
    Reputation reputation,
    long totalVmsHosted,
    long successfulCompletions,
    Instant registeredAt) {

  public MarketNode {
    tags = List.copyOf(tags);
    gpuModels = List.copyOf(gpuModels);
  }

  /** The reputation's score, in [0, 1]. */
  public double score() {
    return reputation.score();
  }

  /** The price of one compute point for one hour: what the marketplace filters and sorts by. */
  public long pricePerPointHour() {
    return prices.perPointHour().amount();
  }

  /** Compute points not yet allocated, by the share of cores still free. */
  public long freePoints() {
    long offered = capacity.offered().coreShares();
    if (offered <= 0) {
      return 0;
    }
    long free = Math.max(0, offered - capacity.allocated().coreShares());
    return computePoints * free / offered;
  }
}
