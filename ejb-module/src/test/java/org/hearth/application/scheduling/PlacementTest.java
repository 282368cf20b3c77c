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
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

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
  void aNodeSilentForTooLongIsNotEligible() {
    Node node = node("a", 4, 8192, ProviderPolicy.OPEN);
    assertTrue(
        Placement.refusal(vm(Tier.STANDARD, 1, 100, "sh"), snapshot(node), NOW.plusSeconds(1))
            .orElseThrow()
            .contains("heard"));
  }

  @Test
  void explainsWhyNothingIsEligible() {
    List<NodeSnapshot> nodes = List.of(snapshot(node("a", 1, 512, ProviderPolicy.OPEN)));
    Vm vm = vm(Tier.GUARANTEED, 1, 4096, "sh");

    assertTrue(Placement.options(vm, nodes, NOW, 0).isEmpty());
    assertEquals(
        "no eligible node among the 1 online: not enough free memory (1)",
        Placement.explanation(vm, nodes, NOW));
  }

  @Test
  void betterNodesGetMoreWorkButNotAllOfIt() {
    NodeSnapshot reliable = NodeSnapshot.of(node("reliable", 8, 16384, ProviderPolicy.OPEN), 99.9);
    NodeSnapshot flaky = NodeSnapshot.of(node("flaky", 8, 16384, ProviderPolicy.OPEN), 40);
    Vm vm = vm(Tier.STANDARD, 1, 100, "sh");
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> picks = new HashMap<>();

    List<Placement.Option> options =
        Placement.options(vm, List.of(flaky, reliable), NOW, 0).stream()
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
  void onALargeClusterADecisionLooksAtASampleStartingAnywhere() {
    List<NodeSnapshot> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(snapshot(node("n" + i, 4, 8192, ProviderPolicy.OPEN)));
    }
    nodes.set(1, null); // a node gone from the view
    Vm vm = vm(Tier.STANDARD, 1, 100, "sh");

    List<Placement.Option> fromStart = Placement.options(vm, nodes, NOW, 0);
    List<Placement.Option> fromEnd = Placement.options(vm, nodes, NOW, 990);

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
  void reputationIsUptimeWeightedByCompletions() {
    assertEquals(1.0, NodeSnapshot.reputation(100, 0, 0), 1e-9);
    assertEquals(0.75, NodeSnapshot.reputation(100, 10, 5), 1e-9);
    assertEquals(0.4, NodeSnapshot.reputation(40, 3, 3), 1e-9);
  }

  @Test
  void priceFollowsCoresTakenPointsPerCoreAndThePointPrice() {
    // 1000 points per core, 3 per point-hour
    NodeSnapshot node = snapshot(node("a", 4, 8192, ProviderPolicy.OPEN));
    assertEquals(Money.of(6000), node.pricePerHour(Tier.GUARANTEED, 2));
    assertEquals(Money.of(4000), node.pricePerHour(Tier.STANDARD, 2)); // 4/3 cores
    assertEquals(Money.of(750), node.pricePerHour(Tier.BURSTABLE, 1));
    assertEquals(Money.of(1), VmPricing.perHour(1, Money.of(1), Tier.BURSTABLE, 1)); // rounds up
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
    return Placement.refusal(vm, snapshot(node), NOW);
  }

  private static NodeSnapshot snapshot(Node node) {
    return NodeSnapshot.of(node, 100);
  }

  static Node node(String machine, int cores, long memoryMib, ProviderPolicy policy) {
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
            Money.of(3),
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
