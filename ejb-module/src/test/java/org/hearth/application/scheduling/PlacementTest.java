package org.hearth.application.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    assertTrue(
        Placement.refusal(vm(Tier.BURSTABLE, 1, 100, "sleep 1"), node)
            .orElseThrow()
            .contains("tier"));
    assertTrue(
        Placement.refusal(vm(Tier.GUARANTEED, 1, 100, "bash"), node)
            .orElseThrow()
            .contains("allow-list"));
    assertTrue(
        Placement.refusal(vm(Tier.GUARANTEED, 3, 100, "sleep 1"), node)
            .orElseThrow()
            .contains("CPU"));
    assertEquals(2, fill(node, Tier.GUARANTEED, 1, 100, "sleep 5"));
  }

  @Test
  void regionTagsAndPriceCeilingFilter() {
    Node node = node("a", 4, 8192, ProviderPolicy.OPEN);
    Vm elsewhere = vm(Tier.STANDARD, 1, 100, "sh", "us-east", List.of(), null);
    Vm needsGpuTag = vm(Tier.STANDARD, 1, 100, "sh", null, List.of("gpu"), null);
    Vm tooCheap = vm(Tier.GUARANTEED, 1, 100, "sh", null, List.of(), Money.of(1));

    assertTrue(Placement.refusal(elsewhere, node).orElseThrow().contains("region"));
    assertTrue(Placement.refusal(needsGpuTag, node).orElseThrow().contains("tags"));
    assertTrue(Placement.refusal(tooCheap, node).orElseThrow().contains("price"));
  }

  @Test
  void explainsWhyNothingIsEligible() {
    Node small = node("a", 1, 512, ProviderPolicy.OPEN);
    Placement.Eligibility eligibility =
        Placement.eligible(vm(Tier.GUARANTEED, 1, 4096, "sh"), List.of(new Candidate(small, 100)));

    assertTrue(eligibility.options().isEmpty());
    assertEquals(
        "no eligible node among the 1 online: not enough free memory (1)",
        eligibility.explanation());
  }

  @Test
  void betterNodesGetMoreWorkButNotAllOfIt() {
    Node reliable = node("reliable", 8, 16384, ProviderPolicy.OPEN);
    Node flaky = node("flaky", 8, 16384, ProviderPolicy.OPEN);
    List<Candidate> candidates = List.of(new Candidate(reliable, 99.9), new Candidate(flaky, 40));
    Vm vm = vm(Tier.STANDARD, 1, 100, "sh");
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> picks = new HashMap<>();

    List<Placement.Option> options = Placement.eligible(vm, candidates).options();
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
  void priceFollowsCoresTakenPointsPerCoreAndThePointPrice() {
    Node node = node("a", 4, 8192, ProviderPolicy.OPEN); // 1000 points per core, 3 per point-hour
    assertEquals(Money.of(6000), VmPricing.perHour(node, Tier.GUARANTEED, 2));
    assertEquals(Money.of(4000), VmPricing.perHour(node, Tier.STANDARD, 2)); // 4/3 cores
    assertEquals(Money.of(750), VmPricing.perHour(node, Tier.BURSTABLE, 1));
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
    while (Placement.refusal(vm, node).isEmpty()) {
      node.allocate(vm.demand());
      placed++;
    }
    return placed;
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
