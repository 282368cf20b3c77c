package org.hearth.application.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.Node;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * What placement needs to know about an online node, copied out of the database so decisions read
 * it without queries or locks. It may be stale: the scheduler checks the chosen node's locked row
 * before it takes capacity.
 *
 * @param reputation in [0, 1]; see {@link #reputation(double, long, long)}
 * @param heardAt when the node was last heard from
 */
public record NodeSnapshot(
    String id,
    String region,
    Set<String> tags,
    ProviderPolicy policy,
    Capacity capacity,
    long pointsPerCore,
    Money pricePerPointHour,
    double reputation,
    Instant heardAt) {

  public NodeSnapshot {
    tags = Set.copyOf(tags);
  }

  public static NodeSnapshot of(Node node, double uptimePercent) {
    return new NodeSnapshot(
        node.id(),
        node.region(),
        Set.copyOf(node.tags()),
        node.policy(),
        node.capacity(),
        node.cores() == 0 ? 0 : node.computePoints() / node.cores(),
        node.pricePerPointHour(),
        reputation(uptimePercent, node.totalVmsHosted(), node.successfulCompletions()),
        node.lastSeenAt());
  }

  /**
   * Reputation from what is known today: uptime times the share of hosted VMs that ended well
   * (neutral for a node that has hosted none). The market issue adds reviews and web of trust
   * behind the same number.
   */
  static double reputation(double uptimePercent, long hosted, long completions) {
    double completion = hosted == 0 ? 1.0 : Math.min(1.0, (double) completions / hosted);
    return uptimePercent / 100.0 * (0.5 + 0.5 * completion);
  }

  /** This snapshot with its region, tags and policy replaced by equal ones from {@code shared}. */
  @SuppressWarnings("unchecked")
  NodeSnapshot sharing(Map<Object, Object> shared) {
    return new NodeSnapshot(
        id,
        region == null ? null : (String) shared.computeIfAbsent(region, r -> r),
        (Set<String>) shared.computeIfAbsent(tags, t -> t),
        (ProviderPolicy) shared.computeIfAbsent(policy, p -> p),
        capacity,
        pointsPerCore,
        pricePerPointHour,
        reputation,
        heardAt);
  }

  /** The same node as its freshly read row shows it now. */
  NodeSnapshot refreshedFrom(Node fresh) {
    ProviderPolicy freshPolicy = fresh.policy();
    return new NodeSnapshot(
        id,
        region,
        tags,
        freshPolicy.equals(policy) ? policy : freshPolicy,
        fresh.capacity(),
        pointsPerCore,
        pricePerPointHour,
        reputation,
        fresh.lastSeenAt());
  }

  Money pricePerHour(Tier tier, int vcpus) {
    return VmPricing.perHour(pointsPerCore, pricePerPointHour, tier, vcpus);
  }
}
