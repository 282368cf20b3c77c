package org.hearth.application.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.application.reputation.Reputation;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.Demand;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.Test;

class MarketSearchTest {

  private static MarketNode node(
      String id,
      String region,
      List<String> tags,
      NodeStatus status,
      long price,
      double uptime,
      double reputation,
      long allocatedShares,
      List<String> gpus) {
    Demand offered = new Demand(4 * 12, 8192, 100, gpus.size());
    Demand allocated = new Demand(allocatedShares, 1024, 10, 0);
    return new MarketNode(
        id,
        region,
        tags,
        "",
        status,
        4,
        4000,
        8192,
        100,
        gpus,
        new Capacity(offered, allocated, 1, 8),
        ProviderPolicy.OPEN,
        PriceList.of(price, 0, 0, 0),
        uptime,
        new Reputation(reputation, List.of()),
        10,
        9,
        Instant.EPOCH);
  }

  private static final MarketNode CHEAP =
      node("a", "eu", List.of("ssd"), NodeStatus.ONLINE, 5, 99.0, 0.5, 36, List.of());
  private static final MarketNode TRUSTED =
      node("b", "eu", List.of("ssd", "fast"), NodeStatus.ONLINE, 20, 99.9, 0.9, 0, List.of());
  private static final MarketNode GPU =
      node("c", "us", List.of(), NodeStatus.ONLINE, 50, 90.0, 0.7, 12, List.of("NVIDIA A100"));
  private static final MarketNode DOWN =
      node("d", "eu", List.of("ssd"), NodeStatus.OFFLINE, 1, 50.0, 0.95, 0, List.of());
  private static final List<MarketNode> ALL = List.of(CHEAP, TRUSTED, GPU, DOWN);

  private static List<String> ids(MarketQuery query) {
    return MarketSearch.search(ALL, query).items().stream().map(MarketNode::id).toList();
  }

  private static MarketQuery query(
      Set<String> tags,
      String region,
      Long maxPrice,
      Double minUptime,
      boolean gpu,
      String model,
      Boolean online,
      MarketQuery.Fit fits,
      MarketQuery.Sort sort) {
    return new MarketQuery(
        tags, region, maxPrice, minUptime, null, gpu, model, online, fits, sort, 0, 10);
  }

  @Test
  void sortsBestFirst() {
    assertEquals(
        List.of("d", "b", "c", "a"),
        ids(query(null, null, null, null, false, null, null, null, MarketQuery.Sort.REPUTATION)));
    assertEquals(
        List.of("d", "a", "b", "c"),
        ids(query(null, null, null, null, false, null, null, null, MarketQuery.Sort.PRICE)));
    assertEquals(
        List.of("b", "a", "c", "d"),
        ids(query(null, null, null, null, false, null, null, null, MarketQuery.Sort.UPTIME)));
    assertEquals(
        List.of("b", "d", "c", "a"),
        ids(query(null, null, null, null, false, null, null, null, MarketQuery.Sort.CAPACITY)));
  }

  @Test
  void filtersCombine() {
    assertEquals(
        List.of("b", "a"),
        ids(query(Set.of("ssd"), "eu", 30L, 95.0, false, null, true, null, null)));
    assertEquals(
        List.of("b"),
        ids(query(Set.of("ssd", "fast"), null, null, null, false, null, null, null, null)));
    assertEquals(List.of("c"), ids(query(null, null, null, null, true, "a100", null, null, null)));
    assertEquals(List.of(), ids(query(null, null, null, null, true, "h100", null, null, null)));
    assertEquals(List.of("d"), ids(query(null, null, null, null, false, null, false, null, null)));
  }

  @Test
  void fitsKeepsOnlyOnlineNodesWithRoomUnderTheTiersOvercommit() {
    // One free core on CHEAP (36 of its 48 shares taken): 6 BURSTABLE vCPUs take 18 shares, too
    // many; 4 take 12, which fit.
    MarketQuery.Fit big =
        new MarketQuery.Fit(Tier.BURSTABLE, new Demand(Tier.BURSTABLE.coreShares(6), 512, 1, 0));
    MarketQuery.Fit small =
        new MarketQuery.Fit(Tier.BURSTABLE, new Demand(Tier.BURSTABLE.coreShares(4), 512, 1, 0));
    assertEquals(
        List.of("b", "c"),
        ids(query(null, null, null, null, false, null, null, big, MarketQuery.Sort.REPUTATION)));
    assertEquals(
        List.of("b", "c", "a"), ids(query(null, null, null, null, false, null, null, small, null)));
  }

  @Test
  void pagesCountAllMatches() {
    MarketSearch.Page page =
        MarketSearch.search(
            ALL,
            new MarketQuery(null, null, null, null, null, false, null, null, null, null, 1, 3));
    assertEquals(4, page.total());
    assertEquals(List.of("a"), page.items().stream().map(MarketNode::id).toList());
  }

  @Test
  void pagesAreSlicesOfTheWholeOrderWithTies() {
    List<MarketNode> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(
          node(
              "n" + (i * 7919 % 300),
              "eu",
              List.of(),
              NodeStatus.ONLINE,
              i % 5,
              90 + i % 3,
              (i % 4) / 4.0,
              i % 6 * 4,
              List.of()));
    }
    for (MarketQuery.Sort sort : MarketQuery.Sort.values()) {
      List<String> whole =
          MarketSearch.search(
                  many,
                  new MarketQuery(
                      null, null, null, null, null, false, null, null, null, sort, 0, 300))
              .items()
              .stream()
              .map(MarketNode::id)
              .toList();
      List<String> paged = new ArrayList<>();
      for (int page = 0; page * 7 < 300; page++) {
        MarketSearch.Page p =
            MarketSearch.search(
                many,
                new MarketQuery(
                    null, null, null, null, null, false, null, null, null, sort, page, 7));
        assertEquals(300, p.total());
        p.items().forEach(n -> paged.add(n.id()));
      }
      assertEquals(300, Set.copyOf(whole).size());
      assertEquals(whole, paged, sort.name());
    }
  }

  @Test
  void tagsBeyondTheIndexsBitsAreFoundToo() {
    List<MarketNode> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(
          node(
              "t" + i,
              "eu",
              List.of("tag" + i, "common"),
              NodeStatus.ONLINE,
              1,
              99,
              0.5,
              0,
              List.of()));
    }
    for (int i : new int[] {0, 63, 64, 99}) {
      assertEquals(
          List.of("t" + i),
          MarketSearch.search(
                  many,
                  query(
                      Set.of("tag" + i, "common"), null, null, null, false, null, null, null, null))
              .items()
              .stream()
              .map(MarketNode::id)
              .toList());
    }
    assertEquals(
        0,
        MarketSearch.search(
                many,
                query(Set.of("tag1", "tag99"), null, null, null, false, null, null, null, null))
            .total());
  }

  /** Every filter as a plain predicate over one entry: what the index must answer alike. */
  private static boolean matchesPlainly(MarketNode node, MarketQuery q) {
    return node.tags().containsAll(q.tags())
        && (q.region() == null || q.region().equals(node.region()))
        && (q.maxPricePerPointHour() == null
            || node.pricePerPointHour() <= q.maxPricePerPointHour())
        && (q.minUptime() == null || node.uptimePercent() >= q.minUptime())
        && (q.minPoints() == null || node.computePoints() >= q.minPoints())
        && (!q.gpuRequired()
            || (q.gpuModel() == null
                ? !node.gpuModels().isEmpty()
                : node.gpuModels().stream()
                    .anyMatch(
                        m ->
                            m.toLowerCase(Locale.ROOT)
                                .contains(q.gpuModel().toLowerCase(Locale.ROOT)))))
        && (q.online() == null || q.online() == (node.status() == NodeStatus.ONLINE))
        && q.fit()
            .map(
                fit ->
                    node.status() == NodeStatus.ONLINE
                        && node.policy().tiers().contains(fit.tier())
                        && node.capacity().shortOf(fit.demand()).isEmpty())
            .orElse(true);
  }

  @Test
  void randomSearchesFindWhatAPlainScanFinds() {
    SplittableRandom random = new SplittableRandom(7);
    String[] regions = {"eu", "us", "ap"};
    String[] tags = {"ssd", "nvme", "green"};
    List<MarketNode> nodes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      List<String> nodeTags = new ArrayList<>();
      for (String tag : tags) {
        if (random.nextInt(3) == 0) {
          nodeTags.add(tag);
        }
      }
      nodes.add(
          node(
              "r" + i,
              random.nextInt(10) == 0 ? null : regions[random.nextInt(regions.length)],
              nodeTags,
              random.nextInt(5) == 0 ? NodeStatus.OFFLINE : NodeStatus.ONLINE,
              random.nextLong(1, 50),
              random.nextInt(80, 101),
              random.nextInt(5) / 4.0,
              random.nextLong(0, 49),
              random.nextInt(8) == 0
                  ? List.of(random.nextBoolean() ? "NVIDIA A100" : "NVIDIA L4")
                  : List.of()));
    }
    for (int n = 0; n < 2_000; n++) {
      Set<String> wantedTags = new HashSet<>();
      while (random.nextInt(3) == 0) {
        wantedTags.add(random.nextInt(6) == 0 ? "unknown" : tags[random.nextInt(tags.length)]);
      }
      Tier tier = Tier.values()[random.nextInt(Tier.values().length)];
      MarketQuery q =
          new MarketQuery(
              wantedTags,
              random.nextInt(3) == 0
                  ? (random.nextInt(8) == 0 ? "mars" : regions[random.nextInt(3)])
                  : null,
              random.nextInt(3) == 0 ? random.nextLong(1, 50) : null,
              random.nextInt(3) == 0 ? (double) random.nextInt(80, 101) : null,
              random.nextInt(4) == 0 ? 4000L + random.nextInt(-1, 2) : null,
              random.nextInt(5) == 0,
              random.nextBoolean() ? null : (random.nextBoolean() ? "a100" : "H100"),
              random.nextInt(3) == 0 ? random.nextBoolean() : null,
              random.nextInt(3) == 0
                  ? new MarketQuery.Fit(
                      tier,
                      new Demand(tier.coreShares(random.nextInt(1, 5)), 512, 1, random.nextInt(2)))
                  : null,
              MarketQuery.Sort.values()[random.nextInt(4)],
              random.nextInt(3),
              random.nextInt(1, 30));
      List<MarketNode> matching = nodes.stream().filter(node -> matchesPlainly(node, q)).toList();
      MarketSearch.Page page = MarketSearch.search(nodes, q);
      assertEquals(matching.size(), page.total(), q.toString());
      assertTrue(matching.containsAll(page.items()), q.toString());
      assertEquals(
          Math.max(0, Math.min(q.size(), matching.size() - q.page() * q.size())),
          page.items().size(),
          q.toString());
    }
  }
}
