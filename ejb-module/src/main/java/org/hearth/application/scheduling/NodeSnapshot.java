package org.hearth.application.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * What placement needs to know about an online node, copied out of the database so decisions read
 * it without queries or locks. It may be stale: the scheduler checks the chosen node's locked row
 * before it takes capacity.
 *
 * @param reputation the node's reputation score, in [0, 1]
 * @param heardAt when the node was last heard from
 * @param hostTools host programs the node's VMs can run
 */
public record NodeSnapshot(
    String id,
    String region,
    Set<String> tags,
    ProviderPolicy policy,
    Capacity capacity,
    long pointsPerCore,
    PriceList prices,
    double reputation,
    Instant heardAt,
    Set<String> hostTools) {

  public NodeSnapshot {
    tags = Set.copyOf(tags);
    hostTools = Set.copyOf(hostTools);
  }

  /** A node that reports no host tools. */
  public NodeSnapshot(
      String id,
      String region,
      Set<String> tags,
      ProviderPolicy policy,
      Capacity capacity,
      long pointsPerCore,
      PriceList prices,
      double reputation,
      Instant heardAt) {
    this(id, region, tags, policy, capacity, pointsPerCore, prices, reputation, heardAt, Set.of());
  }

  public static NodeSnapshot of(Node node, double reputation) {
    return new NodeSnapshot(
        node.id(),
        node.region(),
        Set.copyOf(node.tags()),
        node.policy(),
        node.capacity(),
        node.cores() == 0 ? 0 : node.computePoints() / node.cores(),
        node.priceList(),
        reputation,
        node.lastSeenAt(),
        Set.copyOf(node.hostTools()));
  }

  /**
   * This snapshot with its region, tags, policy and host tools replaced by equal ones from {@code
   * shared}.
   */
  @SuppressWarnings("unchecked")
  NodeSnapshot sharing(Map<Object, Object> shared) {
    return new NodeSnapshot(
        id,
        region == null ? null : (String) shared.computeIfAbsent(region, r -> r),
        (Set<String>) shared.computeIfAbsent(tags, t -> t),
        (ProviderPolicy) shared.computeIfAbsent(policy, p -> p),
        capacity,
        pointsPerCore,
        prices,
        reputation,
        heardAt,
        (Set<String>) shared.computeIfAbsent(hostTools, t -> t));
  }

  /**
   * The same node as its freshly read row shows it now: policy, capacity, prices (so a placement
   * locks the price the node asks at that moment) and when it was last heard from.
   */
  NodeSnapshot refreshedFrom(Node fresh) {
    ProviderPolicy freshPolicy = fresh.policy();
    PriceList freshPrices = fresh.priceList();
    return new NodeSnapshot(
        id,
        region,
        tags,
        freshPolicy.equals(policy) ? policy : freshPolicy,
        fresh.capacity(),
        pointsPerCore,
        freshPrices.equals(prices) ? prices : freshPrices,
        reputation,
        fresh.lastSeenAt(),
        hostTools.size() == fresh.hostTools().size() && hostTools.containsAll(fresh.hostTools())
            ? hostTools
            : Set.copyOf(fresh.hostTools()));
  }

  /**
   * A node as its freshly read row shows it: from the scheduler's view when the node is there
   * ({@code viewed}), else (an offline node) from the row alone, with no reputation.
   */
  public static NodeSnapshot ofRow(Node node, NodeSnapshot viewed) {
    return viewed == null ? of(node, 0) : viewed.refreshedFrom(node);
  }

  /** What a VM of this spec costs here per hour, as an amount of the smallest unit. */
  long pricePerHour(
      PriceCalculator calculator, Tier tier, int vcpus, long memoryMib, long diskGib, int gpus) {
    return calculator.perHourAmount(prices, pointsPerCore, tier, vcpus, memoryMib, diskGib, gpus);
  }
}
