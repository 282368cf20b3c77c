package org.hearth.application.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.hearth.domain.node.Demand;

/** Filters, orders and pages marketplace nodes in memory, over a {@link MarketIndex}. Pure. */
public final class MarketSearch {

  private MarketSearch() {}

  /** One page of the nodes that match, and how many match in all. */
  public record Page(List<MarketNode> items, int page, int size, long total) {}

  /** Searches {@code nodes}; a caller searching the same nodes again keeps their index instead. */
  public static Page search(List<MarketNode> nodes, MarketQuery query) {
    return search(MarketIndex.of(nodes), query);
  }

  public static Page search(MarketIndex index, MarketQuery query) {
    Filter filter = new Filter(index, query);
    Order order = order(index, query.sort());
    Comparator<Integer> boxed = order::compare;
    // Only the matches up to the end of the page are ordered: the best of them are kept in a heap
    // whose head is the worst kept, O(n log k) instead of sorting every match (10,000 for the
    // plain listing) on every request. The order is total (ties go by id), so the page is the same.
    int wanted = (int) Math.min((long) (query.page() + 1) * query.size(), Integer.MAX_VALUE);
    PriorityQueue<Integer> best = new PriorityQueue<>(Math.min(wanted, 1024) + 1, boxed.reversed());
    long total = 0;
    for (int i = 0; i < index.size(); i++) {
      if (!filter.matches(i)) {
        continue;
      }
      total++;
      if (best.size() < wanted) {
        best.add(i);
      } else if (wanted > 0 && order.compare(i, best.peek()) < 0) {
        best.poll();
        best.add(i);
      }
    }
    List<Integer> top = new ArrayList<>(best);
    top.sort(boxed);
    int from = (int) Math.min((long) query.page() * query.size(), top.size());
    int to = Math.min(from + query.size(), top.size());
    List<MarketNode> items = top.subList(from, to).stream().map(i -> index.nodes[i]).toList();
    return new Page(items, query.page(), query.size(), total);
  }

  /**
   * A query's filters over the index's arrays: runs once per node per search, so it allocates
   * nothing, and it reads an entry itself only for what the arrays cannot answer (a GPU model, a
   * tag without a bit of its own).
   */
  private static final class Filter {
    private final MarketIndex x;
    private final MarketQuery q;
    private final boolean impossible;
    private final int region;
    private final long tags;
    private final boolean tagsByList;
    private final long maxPrice;
    private final double minUptime;
    private final long minPoints;
    private final String gpuModel;
    private final int tierBit;
    private final Demand demand;

    Filter(MarketIndex index, MarketQuery query) {
      x = index;
      q = query;
      region = q.region() == null ? -1 : x.regionId(q.region());
      long bits = 0;
      boolean byList = false;
      for (String tag : q.tags()) {
        long bit = x.tagBit(tag);
        bits |= bit;
        byList |= bit == 0;
      }
      tags = bits;
      tagsByList = byList;
      impossible = q.region() != null && region < 0;
      maxPrice = q.maxPricePerPointHour() == null ? Long.MAX_VALUE : q.maxPricePerPointHour();
      minUptime = q.minUptime() == null ? Double.NEGATIVE_INFINITY : q.minUptime();
      minPoints = q.minPoints() == null ? Long.MIN_VALUE : q.minPoints();
      gpuModel =
          q.gpuModel() == null || q.gpuModel().isBlank()
              ? null
              : q.gpuModel().toLowerCase(Locale.ROOT);
      tierBit = q.fit().map(fit -> 1 << fit.tier().ordinal()).orElse(0);
      demand = q.fit().map(MarketQuery.Fit::demand).orElse(null);
    }

    boolean matches(int i) {
      return !impossible
          && (region < 0 || x.region[i] == region)
          && (x.tags[i] & tags) == tags
          && x.pricePerPointHour[i] <= maxPrice
          && x.uptimePercent[i] >= minUptime
          && x.computePoints[i] >= minPoints
          && (q.online() == null || q.online() == x.online[i])
          && (!q.gpuRequired() || (x.hasGpu[i] && (gpuModel == null || hasModel(i))))
          && (demand == null || fits(i))
          && (!tagsByList || x.nodes[i].tags().containsAll(q.tags()));
    }

    private boolean hasModel(int i) {
      for (String model : x.nodes[i].gpuModels()) {
        if (model.toLowerCase(Locale.ROOT).contains(gpuModel)) {
          return true;
        }
      }
      return false;
    }

    /** Online, its policy takes the tier, and the VM fits in its free capacity now. */
    private boolean fits(int i) {
      return x.online[i]
          && (x.tiers[i] & tierBit) != 0
          && x.roomForVms[i] >= 1
          && demand.coreShares() <= x.freeCoreShares[i]
          && demand.memoryMib() <= x.freeMemoryMib[i]
          && demand.diskGib() <= x.freeDiskGib[i]
          && demand.gpus() <= x.freeGpus[i];
    }
  }

  /** An order of the index's nodes, by their positions: compares without boxing. */
  @FunctionalInterface
  private interface Order {
    int compare(int a, int b);
  }

  /** Best first; ties go by id, so the order is total. */
  private static Order order(MarketIndex x, MarketQuery.Sort sort) {
    Order best =
        switch (sort) {
          case REPUTATION -> (a, b) -> Double.compare(x.score[b], x.score[a]);
          case UPTIME -> (a, b) -> Double.compare(x.uptimePercent[b], x.uptimePercent[a]);
          case PRICE -> (a, b) -> Long.compare(x.pricePerPointHour[a], x.pricePerPointHour[b]);
          case CAPACITY -> (a, b) -> Long.compare(x.freePoints[b], x.freePoints[a]);
        };
    return (a, b) -> {
      int byField = best.compare(a, b);
      return byField != 0 ? byField : x.nodes[a].id().compareTo(x.nodes[b].id());
    };
  }
}
