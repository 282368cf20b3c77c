package org.hearth.application.market;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hearth.domain.node.NodeStatus;

/** Filters, orders and pages marketplace nodes in memory. Pure. */
public final class MarketSearch {

  private MarketSearch() {}

  /** One page of the nodes that match, and how many match in all. */
  public record Page(List<MarketNode> items, int page, int size, long total) {}

  public static Page search(List<MarketNode> nodes, MarketQuery query) {
    Predicate<MarketNode> matches = matcher(query);
    List<MarketNode> found = nodes.stream().filter(matches).sorted(order(query.sort())).toList();
    int from = (int) Math.min((long) query.page() * query.size(), found.size());
    int to = Math.min(from + query.size(), found.size());
    return new Page(found.subList(from, to), query.page(), query.size(), found.size());
  }

  static Predicate<MarketNode> matcher(MarketQuery q) {
    return node ->
        node.tags().containsAll(q.tags())
            && (q.region() == null || q.region().equals(node.region()))
            && (q.maxPricePerPointHour() == null
                || node.pricePerPointHour() <= q.maxPricePerPointHour())
            && (q.minUptime() == null || node.uptimePercent() >= q.minUptime())
            && (q.minPoints() == null || node.computePoints() >= q.minPoints())
            && (!q.gpuRequired() || hasGpu(node, q.gpuModel()))
            && (q.online() == null || q.online() == (node.status() == NodeStatus.ONLINE))
            && q.fit().map(fit -> fits(node, fit)).orElse(true);
  }

  private static boolean hasGpu(MarketNode node, String model) {
    if (model == null || model.isBlank()) {
      return !node.gpuModels().isEmpty();
    }
    String wanted = model.toLowerCase(Locale.ROOT);
    return node.gpuModels().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(wanted));
  }

  /** Whether the node, online, would take the VM now: its policy and free capacity allow it. */
  static boolean fits(MarketNode node, MarketQuery.Fit fit) {
    return node.status() == NodeStatus.ONLINE
        && node.policy().tiers().contains(fit.tier())
        && node.capacity().shortOf(fit.demand()).isEmpty();
  }

  private static Comparator<MarketNode> order(MarketQuery.Sort sort) {
    Comparator<MarketNode> best =
        switch (sort) {
          case REPUTATION -> Comparator.comparingDouble(MarketNode::score).reversed();
          case UPTIME -> Comparator.comparingDouble(MarketNode::uptimePercent).reversed();
          case PRICE -> Comparator.comparingLong(MarketNode::pricePerPointHour);
          case CAPACITY -> Comparator.comparingLong(MarketNode::freePoints).reversed();
        };
    return best.thenComparing(MarketNode::id);
  }
}
