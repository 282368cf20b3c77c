package org.hearth.application.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.node.PriceList;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final PriceCalculator PRICES = new PriceCalculator();

  @Test
  void aTierTakesCoresByItsOvercommitRatio() {
    Node fourCores = node("a", 4, 8192, ProviderPolicy.OPEN);
    assertEquals(4, fill(fourCores, Tier.GUARANTEED, 1));
    assertEquals(6, fill(node("b", 4, 8192, ProviderPolicy.OPEN), Tier.STANDARD, 1));
    assertEquals(8, fill(node("c", 4, 8192, ProviderPolicy.OPEN), Tier.BALANCED, 1));
    assertEquals(16, fill(node("d", 4, 8192, ProviderPolicy.OPEN), Tier.BURSTABLE, 1));
  }

  @Test
  void memoryIsNeverOvercommitted() {
    Node node = node("a", 64, 1000, ProviderPolicy.OPEN);
    assertEquals(3, fill(node, Tier.BURSTABLE, 1, 300));
  }

  @Test
  void theProvidersReserveAndPolicyAreRespected() {
    ProviderPolicy policy =
        new ProviderPolicy(
            Set.of(Tier.GUARANTEED),
            Set.of("sandbox"),
            List.of("sleep *"),
            2,
            new ProviderPolicy.Reserved(2, 0, 0),
            false);
    Node node = node("a", 4, 8192, policy);

    assertTrue(refusal(vm(Tier.BURSTABLE, 1, 100, "sleep 1"), node).orElseThrow().contains("tier"));
    assertTrue(
        refusal(vm(Tier.GUARANTEED, 1, 100, "bash"), node).orElseThrow().contains("allow-list"));
    assertTrue(refusal(vm(Tier.GUARANTEED, 3, 100, "sleep 1"), node).orElseThrow().contains("CPU"));
    assertEquals(2, fill(node, Tier.GUARANTEED, 1, 100, "sleep 5"));
  }

  @Test
  void regionTagsAndPriceCeilingFilter() {
    Node node = node("a", 4, 8192, ProviderPolicy.OPEN);
    Vm elsewhere = vm(Tier.STANDARD, 1, 100, "sh", "us-east", List.of(), null);
    Vm needsGpuTag = vm(Tier.STANDARD, 1, 100, "sh", null, List.of("gpu"), null);
    Vm tooCheap = vm(Tier.GUARANTEED, 1, 100, "sh", null, List.of(), Money.of(1));

    assertTrue(refusal(elsewhere, node).orElseThrow().contains("region"));
    assertTrue(refusal(needsGpuTag, node).orElseThrow().contains("tags"));
    assertTrue(refusal(tooCheap, node).orElseThrow().contains("price"));
  }

  @Test
  void aTemplatesVmGoesOnlyWhereAllItsHostToolsAre() {
    Node bare = node("bare", 4, 8192, ProviderPolicy.OPEN);
    Node python = withTools(node("python", 4, 8192, ProviderPolicy.OPEN), "bash", "python3");
    Node both =
        withTools(
            node("both", 4, 8192, ProviderPolicy.OPEN), "python3", "redis-cli", "redis-server");
    Vm plain = vm(Tier.BURSTABLE, 1, 64, "sh");
    Vm redis = needing(List.of("redis-cli", "redis-server"));

    assertTrue(refusal(plain, bare).isEmpty(), "a VM that needs no tools goes anywhere");
    assertEquals(
        Optional.of("missing host tools [redis-cli, redis-server]"), refusal(redis, python));
    assertTrue(refusal(redis, both).isEmpty());
    List<NodeSnapshot> view = List.of(snapshot(bare), snapshot(python), snapshot(both));
    List<Placement.Option> options =
        Placement.options(wanted(redis), view, NOW, 0, PRICES, Placement.Reputations.GLOBAL);
    assertEquals(1, options.size());
    assertEquals(both.id(), options.get(0).node().id());
    assertTrue(
        Placement.explanation(wanted(needing(List.of("gcc"))), view, NOW, PRICES)
            .contains("missing host tools [gcc] (3)"));
  }

  private static Node withTools(Node node, String... tools) {
    NodeProfile profile =
        new NodeProfile(
            node.region(),
            node.tags(),
            node.description(),
            node.arch(),
            node.cores(),
            node.memoryMib(),
            node.diskGib(),
            node.gpus(),
            node.computePoints(),
            node.priceList(),
            ProviderPolicy.OPEN,
            List.of(tools));
    node.apply(profile, NOW);
    return node;
  }

  private static Vm needing(List<String> tools) {
    VmRequest request =
        new VmRequest(
                "t",
                1,
                64,
                1,
                0,
                Tier.BURSTABLE,
                "sandbox",
                "sh",
                Map.of(),
                false,
                null,
                List.of(),
                null,
                null,
                null,
                0)
            .fromTemplate("x", tools, java.util.Set.of());
    return new Vm("e".repeat(64), request, NOW);
  }

  @Test
  void aNodeSilentForTooLongIsNotEligible() {
    Node node = node("a", 4, 8192, ProviderPolicy.OPEN);
    assertTrue(
        Placement.refusal(
                wanted(vm(Tier.STANDARD, 1, 100, "sh")), snapshot(node), NOW.plusSeconds(1), PRICES)
            .orElseThrow()
            .contains("heard"));
  }

  @Test
  void explainsWhyNothingIsEligible() {
    List<NodeSnapshot> nodes = List.of(snapshot(node("a", 1, 512, ProviderPolicy.OPEN)));
    Placement.Wanted vm = wanted(vm(Tier.GUARANTEED, 1, 4096, "sh"));

    assertTrue(
        Placement.options(vm, nodes, NOW, 0, PRICES, Placement.Reputations.GLOBAL).isEmpty());
    assertEquals(
        "no eligible node among the 1 online: not enough free memory (1)",
        Placement.explanation(vm, nodes, NOW, PRICES));
  }

  @Test
  void betterNodesGetMoreWorkButNotAllOfIt() {
    NodeSnapshot reliable = NodeSnapshot.of(node("reliable", 8, 16384, ProviderPolicy.OPEN), 0.999);
    NodeSnapshot flaky = NodeSnapshot.of(node("flaky", 8, 16384, ProviderPolicy.OPEN), 0.4);
    Placement.Wanted vm = wanted(vm(Tier.STANDARD, 1, 100, "sh"));
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> picks = new HashMap<>();

    List<Placement.Option> options =
        Placement.options(
                vm, List.of(flaky, reliable), NOW, 0, PRICES, Placement.Reputations.GLOBAL)
            .stream()
            .sorted(Comparator.comparingDouble(Placement.Option::score).reversed())
            .toList();
    for (int i = 0; i < 10_000; i++) {
      picks.merge(Placement.pick(options, random).node().id(), 1, Integer::sum);
    }

    assertEquals(reliable.id(), options.get(0).node().id());
    int good = picks.get(reliable.id());
    int bad = picks.get(flaky.id());
    assertTrue(good > bad, picks.toString());
    assertTrue(bad > 500, "the weaker node still gets work: " + picks);
    double expectedShare =
        Math.pow(options.get(0).score(), 2)
            / (Math.pow(options.get(0).score(), 2) + Math.pow(options.get(1).score(), 2));
    assertEquals(expectedShare, good / 10_000.0, 0.02);
  }

  @Test
  void theTenantsOwnViewOfReputationDecides() {
    NodeSnapshot famous = NodeSnapshot.of(node("famous", 8, 16384, ProviderPolicy.OPEN), 0.9);
    NodeSnapshot followed = NodeSnapshot.of(node("followed", 8, 16384, ProviderPolicy.OPEN), 0.2);
    Placement.Wanted vm = wanted(vm(Tier.STANDARD, 1, 100, "sh"));
    Placement.Reputations seenByTenant = node -> node == followed ? 0.95 : 0.1;

    Map<String, Double> everyone =
        scores(
            Placement.options(
                vm, List.of(famous, followed), NOW, 0, PRICES, Placement.Reputations.GLOBAL));
    Map<String, Double> tenant =
        scores(Placement.options(vm, List.of(famous, followed), NOW, 0, PRICES, seenByTenant));

    assertTrue(everyone.get(famous.id()) > everyone.get(followed.id()), everyone.toString());
    assertTrue(tenant.get(followed.id()) > tenant.get(famous.id()), tenant.toString());
  }

  private static Map<String, Double> scores(List<Placement.Option> options) {
    Map<String, Double> scores = new HashMap<>();
    options.forEach(o -> scores.put(o.node().id(), o.score()));
    return scores;
  }

  @Test
  void onALargeClusterADecisionLooksAtASampleStartingAnywhere() {
    List<NodeSnapshot> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(snapshot(node("n" + i, 4, 8192, ProviderPolicy.OPEN)));
    }
    nodes.set(1, null); // a node gone from the view
    Placement.Wanted vm = wanted(vm(Tier.STANDARD, 1, 100, "sh"));

    List<Placement.Option> fromStart =
        Placement.options(vm, nodes, NOW, 0, PRICES, Placement.Reputations.GLOBAL);
    List<Placement.Option> fromEnd =
        Placement.options(vm, nodes, NOW, 990, PRICES, Placement.Reputations.GLOBAL);

    assertEquals(420, Placement.enough(1000));
    assertEquals(420, fromStart.size());
    assertEquals(nodes.get(0).id(), fromStart.get(0).node().id());
    assertEquals(nodes.get(2).id(), fromStart.get(1).node().id());
    assertEquals(nodes.get(990).id(), fromEnd.get(0).node().id());
    assertEquals(nodes.get(0).id(), fromEnd.get(10).node().id()); // wrapped round
    assertEquals(500, Placement.enough(5000));
    assertEquals(100, Placement.enough(101));
    assertEquals(50, Placement.enough(50));
  }

  @Test
  void optionsCarryTheFullHourlyPriceAndTheCeilingAppliesToIt() {
    // 1000 points per core at 3 per point-hour, 2 per memory GiB-hour, 5 per disk GiB-hour
    NodeSnapshot node =
        snapshot(node("a", 4, 8192, ProviderPolicy.OPEN, PriceList.of(3, 2048, 5, 0)));
    // 2 vCPUs × 1000 × 3 × 1 = 6000; 512 MiB × 2048 / 1024 = 1024; 1 GiB × 5 = 5
    Placement.Wanted full = wanted(vm(Tier.GUARANTEED, 2, 512, "sh"));
    assertEquals(
        Money.of(7029),
        Placement.options(full, List.of(node), NOW, 0, PRICES, Placement.Reputations.GLOBAL)
            .get(0)
            .pricePerHour());
    Placement.Wanted atPrice =
        wanted(vm(Tier.GUARANTEED, 2, 512, "sh", null, List.of(), Money.of(7029)));
    Placement.Wanted belowPrice =
        wanted(vm(Tier.GUARANTEED, 2, 512, "sh", null, List.of(), Money.of(7028)));
    assertTrue(Placement.refusal(atPrice, node, NOW, PRICES).isEmpty());
    assertEquals(
        "price above 7028 per hour",
        Placement.refusal(belowPrice, node, NOW, PRICES).orElseThrow());
  }

  @Test
  void aNodeWhosePriceOverflowsIsNotEligibleAndDoesNotBreakTheDecision() {
    NodeSnapshot absurd =
        snapshot(
            node("absurd", 4, 8192, ProviderPolicy.OPEN, PriceList.of(Long.MAX_VALUE, 0, 0, 0)));
    NodeSnapshot fair = snapshot(node("fair", 4, 8192, ProviderPolicy.OPEN));
    Placement.Wanted vm = wanted(vm(Tier.STANDARD, 1, 100, "sh"));

    assertEquals("price out of range", Placement.refusal(vm, absurd, NOW, PRICES).orElseThrow());
    List<Placement.Option> options =
        Placement.options(vm, List.of(absurd, fair), NOW, 0, PRICES, Placement.Reputations.GLOBAL);
    assertEquals(List.of(fair.id()), options.stream().map(o -> o.node().id()).toList());
  }

  @Test
  void aQuoteWithoutACommandSkipsTheAllowListButKeepsEveryOtherRule() {
    ProviderPolicy sleepOnly =
        new ProviderPolicy(
            Set.of(Tier.GUARANTEED),
            Set.of("sandbox"),
            List.of("sleep *"),
            2,
            ProviderPolicy.Reserved.NONE,
            false);
    NodeSnapshot node = snapshot(node("a", 4, 8192, sleepOnly));
    VmRequest spec =
        new VmRequest(
            "quote",
            1,
            100,
            1,
            0,
            Tier.GUARANTEED,
            "sandbox",
            null,
            Map.of(),
            false,
            null,
            List.of(),
            null,
            null,
            null,
            0);
    assertTrue(Placement.refusal(Placement.Wanted.of(spec), node, NOW, PRICES).isEmpty());
    VmRequest burstable =
        new VmRequest(
            "quote",
            1,
            100,
            1,
            0,
            Tier.BURSTABLE,
            "sandbox",
            null,
            Map.of(),
            false,
            null,
            List.of(),
            null,
            null,
            null,
            0);
    assertTrue(
        Placement.refusal(Placement.Wanted.of(burstable), node, NOW, PRICES)
            .orElseThrow()
            .contains("tier"));
  }

  /** How many VMs of this shape the node takes before it is full. */
  private static int fill(Node node, Tier tier, int vcpus) {
    return fill(node, tier, vcpus, 100);
  }

  private static int fill(Node node, Tier tier, int vcpus, long memoryMib) {
    return fill(node, tier, vcpus, memoryMib, "sh");
  }

  private static int fill(Node node, Tier tier, int vcpus, long memoryMib, String command) {
    int placed = 0;
    Vm vm = vm(tier, vcpus, memoryMib, command);
    while (refusal(vm, node).isEmpty()) {
      node.allocate(vm.demand());
      placed++;
    }
    return placed;
  }

  private static Optional<String> refusal(Vm vm, Node node) {
    return Placement.refusal(wanted(vm), snapshot(node), NOW, PRICES);
  }

  private static Placement.Wanted wanted(Vm vm) {
    return Placement.Wanted.of(vm);
  }

  private static NodeSnapshot snapshot(Node node) {
    return NodeSnapshot.of(node, 1.0);
  }

  static Node node(String machine, int cores, long memoryMib, ProviderPolicy policy) {
    return node(machine, cores, memoryMib, policy, PriceList.of(3, 0, 0, 0));
  }

  static Node node(
      String machine, int cores, long memoryMib, ProviderPolicy policy, PriceList prices) {
    NodeProfile profile =
        new NodeProfile(
            "eu-west",
            List.of("ssd"),
            "test",
            "x86_64",
            cores,
            memoryMib,
            100,
            List.of(),
            cores * 1000L,
            prices,
            policy);
    Node node = new Node("f".repeat(64), machine, profile, NOW);
    node.heartbeat(null, NOW);
    return node;
  }

  static Vm vm(Tier tier, int vcpus, long memoryMib, String command) {
    return vm(tier, vcpus, memoryMib, command, null, List.of(), null);
  }

  static Vm vm(
      Tier tier,
      int vcpus,
      long memoryMib,
      String command,
      String region,
      List<String> tags,
      Money maxPrice) {
    return new Vm(
        "e".repeat(64),
        new VmRequest(
            "t", vcpus, memoryMib, 1, 0, tier, "sandbox", command, Map.of(), false, region, tags,
            null, maxPrice, null, 0),
        NOW);
  }
}
