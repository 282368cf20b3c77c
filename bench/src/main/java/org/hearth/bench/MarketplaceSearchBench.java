package org.hearth.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.hearth.application.market.MarketIndex;
import org.hearth.application.market.MarketNode;
import org.hearth.application.market.MarketQuery;
import org.hearth.application.market.MarketSearch;
import org.hearth.application.reputation.Reputation;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.Demand;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * The marketplace search over {@code --nodes} in-memory nodes, as the server's market view holds
 * them, with the production {@link MarketSearch}: random queries mixing every filter and sort, page
 * size 20. Reports the latency distribution of one search (issue 6 goal: p99 ≤ 20 ms at 10,000
 * nodes for the HTTP request, of which this is the part that grows with the node count).
 *
 * <p>Usage: {@code java -cp hearth-bench.jar org.hearth.bench.MarketplaceSearchBench [--nodes
 * 10000] [--queries 20000] [--seed 1]}
 */
public final class MarketplaceSearchBench {

  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap"};
  private static final String[] TAGS = {"ssd", "nvme", "fast-net", "green", "gpu"};

  public static void main(String[] args) {
    Flags flags = Flags.parse(Set.of("--nodes", "--queries", "--seed"), args);
    SplittableRandom random = new SplittableRandom(flags.positiveInt("--seed", 1));
    List<MarketNode> nodes = nodes(flags.positiveInt("--nodes", 10_000), random);
    MarketIndex index = MarketIndex.of(nodes); // as the server's view builds it once per refresh
    int queries = flags.positiveInt("--queries", 20_000);
    for (int round = 1; round <= 3; round++) {
      Histogram latency = new Histogram(60_000_000_000L, 3);
      long matched = 0;
      for (int i = 0; i < queries; i++) {
        MarketQuery query = query(random);
        long t = System.nanoTime();
        matched += MarketSearch.search(index, query).total();
        latency.recordValue(System.nanoTime() - t);
      }
      System.out.printf(
          "{\"round\":%d,\"nodes\":%d,\"queries\":%d,\"meanMatches\":%d,"
              + "\"searchMillis\":{\"p50\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f}}%n",
          round,
          nodes.size(),
          queries,
          matched / queries,
          latency.getValueAtPercentile(50) / 1e6,
          latency.getValueAtPercentile(99) / 1e6,
          latency.getValueAtPercentile(99.9) / 1e6,
          latency.getMaxValue() / 1e6);
    }
  }

  private static MarketQuery query(SplittableRandom random) {
    boolean fits = random.nextInt(3) == 0;
    return new MarketQuery(
        random.nextInt(3) == 0 ? Set.of(TAGS[random.nextInt(TAGS.length)]) : Set.of(),
        random.nextInt(2) == 0 ? REGIONS[random.nextInt(REGIONS.length)] : null,
        random.nextInt(3) == 0 ? (long) (5 + random.nextInt(40)) : null,
        random.nextInt(3) == 0 ? 90.0 + random.nextInt(10) : null,
        random.nextInt(4) == 0 ? (long) (2000 + random.nextInt(20_000)) : null,
        random.nextInt(10) == 0,
        null,
        random.nextInt(2) == 0 ? Boolean.TRUE : null,
        fits
            ? new MarketQuery.Fit(
                Tier.values()[random.nextInt(Tier.values().length)],
                new Demand((long) (1 + random.nextInt(4)) * Tier.SHARES_PER_CORE, 2048, 20, 0))
            : null,
        MarketQuery.Sort.values()[random.nextInt(MarketQuery.Sort.values().length)],
        random.nextInt(3),
        20);
  }

  private static List<MarketNode> nodes(int count, SplittableRandom random) {
    List<MarketNode> nodes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int cores = 2 << random.nextInt(4);
      Demand offered = new Demand((long) cores * Tier.SHARES_PER_CORE, cores * 2048L, 200, 0);
      Demand allocated =
          new Demand(
              random.nextLong(offered.coreShares() + 1), random.nextLong(cores * 2048L), 0, 0);
      List<String> gpus = random.nextInt(20) == 0 ? List.of("NVIDIA A100") : List.of();
      double uptime = 80 + random.nextDouble() * 20;
      nodes.add(
          new MarketNode(
              "node-" + i,
              REGIONS[random.nextInt(REGIONS.length)],
              random.nextInt(3) == 0 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of(),
              "bench node",
              random.nextInt(10) == 0 ? NodeStatus.OFFLINE : NodeStatus.ONLINE,
              cores,
              cores * 1000L,
              cores * 2048L,
              200,
              gpus,
              new Capacity(offered, allocated, 0, 32),
              ProviderPolicy.OPEN,
              PriceList.of(1 + random.nextInt(50), 0, 0, 0),
              uptime,
              new Reputation(uptime / 100 * random.nextDouble(), List.of()),
              random.nextInt(500),
              random.nextInt(400),
              Instant.parse("2026-01-01T00:00:00Z")));
    }
    return nodes;
  }
}
