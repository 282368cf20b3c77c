package org.hearth.bench;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.application.scheduling.NodeSnapshot;
import org.hearth.application.scheduling.Placement;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.Demand;
import org.hearth.domain.node.PriceList;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * The scheduler's decision alone, in this JVM: places {@code --vms} requests one after another onto
 * {@code --nodes} in-memory node snapshots with the production {@link Placement} code, taking each
 * chosen node's capacity as the scheduler's view does, and reports decisions per second and the
 * latency distribution of one decision. Several rounds, each from empty nodes; the first ones warm
 * up the JIT.
 *
 * <p>Usage: {@code java -cp hearth-bench.jar org.hearth.bench.PlacementDecisions [--nodes 5000]
 * [--vms 10000] [--rounds 5] [--seed 1]}
 */
public final class PlacementDecisions {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap"};
  private static final Tier[] TIERS = Tier.values();
  private static final PriceCalculator PRICES = new PriceCalculator();

  public static void main(String[] args) {
    Flags flags = Flags.parse(Set.of("--nodes", "--vms", "--rounds", "--seed"), args);
    int nodeCount = flags.positiveInt("--nodes", 5000);
    int seed = flags.positiveInt("--seed", 1);
    List<Vm> requests = requests(flags.positiveInt("--vms", 10_000), new SplittableRandom(seed));
    for (int round = 1; round <= flags.positiveInt("--rounds", 5); round++) {
      Map<String, NodeSnapshot> nodes = nodes(nodeCount, new SplittableRandom(seed + 1L));
      run(round, nodes, requests, new SplittableRandom(seed + round));
    }
  }

  private static void run(
      int round, Map<String, NodeSnapshot> nodes, List<Vm> requests, SplittableRandom random) {
    Histogram decisions = new Histogram(3_600_000_000_000L, 3);
    List<String> ids = new ArrayList<>(nodes.keySet());
    int placed = 0;
    long started = System.nanoTime();
    for (Vm vm : requests) {
      long t0 = System.nanoTime();
      List<Placement.Option> options =
          Placement.options(
              Placement.Wanted.of(vm),
              view(nodes, ids),
              NOW,
              random.nextInt(ids.size()),
              PRICES,
              Placement.Reputations.GLOBAL);
      Placement.Option chosen = options.isEmpty() ? null : Placement.pick(options, random);
      decisions.recordValue(System.nanoTime() - t0);
      if (chosen != null) {
        nodes.put(chosen.node().id(), allocated(chosen.node(), vm.demand()));
        placed++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "{\"round\":%d,\"nodes\":%d,\"requests\":%d,\"placed\":%d,\"decisionsPerSecond\":%.0f,"
            + "\"decisionMicros\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"p999\":%.1f,"
            + "\"max\":%.1f}}%n",
        round,
        nodes.size(),
        requests.size(),
        placed,
        requests.size() / seconds,
        decisions.getValueAtPercentile(50) / 1e3,
        decisions.getValueAtPercentile(90) / 1e3,
        decisions.getValueAtPercentile(99) / 1e3,
        decisions.getValueAtPercentile(99.9) / 1e3,
        decisions.getMaxValue() / 1e3);
  }

  /** Nodes of 2–16 cores and 2 GiB per core in five regions, a third tagged ssd. */
  private static Map<String, NodeSnapshot> nodes(int count, SplittableRandom random) {
    Map<String, NodeSnapshot> nodes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int cores = 2 << random.nextInt(4);
      Demand offered = new Demand((long) cores * Tier.SHARES_PER_CORE, cores * 2048L, 200, 0);
      String id = String.format("node-%05d", i);
      nodes.put(
          id,
          new NodeSnapshot(
              id,
              REGIONS[i % REGIONS.length],
              i % 3 == 0 ? Set.of("ssd") : Set.of(),
              ProviderPolicy.OPEN,
              new Capacity(offered, new Demand(0, 0, 0, 0), 0, 32),
              1000,
              PriceList.of(1 + random.nextInt(5), 500 + random.nextInt(1000), 50, 0),
              0.5 + random.nextDouble() / 2,
              NOW));
    }
    return nodes;
  }

  /** 1–4 vCPUs, 512 MiB–4 GiB, all tiers; a fifth wish for a region, a tenth for ssd. */
  private static List<Vm> requests(int count, SplittableRandom random) {
    List<Vm> vms = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      VmRequest request =
          new VmRequest(
              "bench-" + i,
              1 + random.nextInt(4),
              512L << random.nextInt(4),
              1,
              0,
              TIERS[random.nextInt(TIERS.length)],
              "sandbox",
              "/bin/sh",
              Map.of(),
              false,
              i % 5 == 0 ? REGIONS[random.nextInt(REGIONS.length)] : null,
              i % 10 == 0 ? List.of("ssd") : List.of(),
              null,
              null,
              null,
              0);
      vms.add(new Vm("bench-tenant", request, NOW));
    }
    return vms;
  }

  /** The nodes in fixed order, as the scheduler's view keeps them. */
  private static List<NodeSnapshot> view(Map<String, NodeSnapshot> nodes, List<String> ids) {
    return new AbstractList<>() {
      @Override
      public NodeSnapshot get(int index) {
        return nodes.get(ids.get(index));
      }

      @Override
      public int size() {
        return ids.size();
      }
    };
  }

  private static NodeSnapshot allocated(NodeSnapshot node, Demand demand) {
    Capacity before = node.capacity();
    Demand held = before.allocated();
    Capacity after =
        new Capacity(
            before.offered(),
            new Demand(
                held.coreShares() + demand.coreShares(),
                held.memoryMib() + demand.memoryMib(),
                held.diskGib() + demand.diskGib(),
                held.gpus() + demand.gpus()),
            before.vms() + 1,
            before.maxVms());
    return new NodeSnapshot(
        node.id(),
        node.region(),
        node.tags(),
        node.policy(),
        after,
        node.pointsPerCore(),
        node.prices(),
        node.reputation(),
        node.heardAt());
  }
}
