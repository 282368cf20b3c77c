package org.hearth.application.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.hearth.domain.node.NodeStatus;

/** Filters, orders and pages marketplace nodes in memory. Pure. */
public final class MarketSearch {

  private MarketSearch() {}

  /** One page of the nodes that match, and how many match in all. */
  public record Page(List<MarketNode> items, int page, int size, long total) {}

  public static Page search(List<MarketNode> nodes, MarketQuery query) {
    Predicate<MarketNode> matches = matcher(query);
    Comparator<MarketNode> order = order(query.sort());
    // Only the matches up to the end of the page are ordered: the best of them are kept in a heap
    // whose head is the worst kept, O(n log k) instead of sorting every match (10,000 for the
    // plain listing) on every request. The order is total (ties go by id), so the page is the same.
    int wanted = (int) Math.min((long) (query.page() + 1) * query.size(), Integer.MAX_VALUE);
    PriorityQueue<MarketNode> best =
        new PriorityQueue<>(Math.min(wanted, 1024) + 1, order.reversed());
    long total = 0;
    for (MarketNode node : nodes) {
      if (!matches.test(node)) {
        continue;
      }
      total++;
      if (best.size() < wanted) {
        best.add(node);
      } else if (wanted > 0 && order.compare(node, best.peek()) < 0) {
        best.poll();
        best.add(node);
      }
    }
    List<MarketNode> top = new ArrayList<>(best);
    top.sort(order);
    int from = (int) Math.min((long) query.page() * query.size(), top.size());
    int to = Math.min(from + query.size(), top.size());
    return new Page(List.copyOf(top.subList(from, to)), query.page(), query.size(), total);
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
