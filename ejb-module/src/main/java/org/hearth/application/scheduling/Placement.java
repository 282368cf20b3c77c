package org.hearth.application.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hearth.domain.node.Demand;
import org.hearth.domain.vm.Vm;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * Chooses a node for a VM: filters the nodes by the rules every placement must keep, scores the
 * eligible ones by free-capacity fit, price and reputation, and picks one at random with weight
 * score², so good nodes get more work without taking all of it. Pure and allocation-light: the
 * scheduler runs it over every online node for every VM.
 */
public final class Placement {

  static final double FIT_WEIGHT = 0.4;
  static final double PRICE_WEIGHT = 0.3;
  static final double REPUTATION_WEIGHT = 0.3;

  private Placement() {}

  /** An eligible node with its price for the VM and its score in [0, 1]. */
  public record Option(NodeSnapshot node, Money pricePerHour, double score) {}

  /**
   * Eligible nodes for {@code vm}, scored, in no particular order: all of them on a small cluster;
   * on a large one, the first {@link #enough} found going round from {@code start}. Like
   * kube-scheduler's percentageOfNodesToScore, this bounds a decision's cost at thousands of nodes,
   * and a random start spreads the work over all of them.
   *
   * @param nodes the view; null entries (nodes gone from it) are skipped
   * @param heardSince nodes silent since before this are not eligible
   */
  public static List<Option> options(
      Vm vm, List<NodeSnapshot> nodes, Instant heardSince, int start) {
    Wanted wanted = Wanted.of(vm);
    int size = nodes.size();
    int enough = enough(size);
    List<NodeSnapshot> eligible = new ArrayList<>(Math.min(enough, 1024));
    long maxPrice = 0;
    for (int i = 0; i < size && eligible.size() < enough; i++) {
      NodeSnapshot node = nodes.get((start + i) % size);
      if (node != null && refusal(wanted, node, heardSince).isEmpty()) {
        eligible.add(node);
        maxPrice = Math.max(maxPrice, node.pricePerHour(wanted.tier, wanted.vcpus).amount());
      }
    }
    List<Option> options = new ArrayList<>(eligible.size());
    for (NodeSnapshot node : eligible) {
      options.add(option(wanted, node, maxPrice));
    }
    return options;
  }

  /**
   * How many eligible nodes a decision looks at among {@code online}: every one up to 100, then a
   * share falling from 50% to 5% as the cluster grows (10%, 500 nodes, at 5,000), never fewer than
   * 100.
   */
  static int enough(int online) {
    if (online <= 100) {
      return online;
    }
    int percent = Math.max(5, 50 - online / 125);
    return Math.max(100, online * percent / 100);
  }

  /** Why a node cannot take a VM, or empty when it can. */
  public static Optional<String> refusal(Vm vm, NodeSnapshot node, Instant heardSince) {
    return refusal(Wanted.of(vm), node, heardSince);
  }

  private static Optional<String> refusal(Wanted vm, NodeSnapshot node, Instant heardSince) {
    if (node.heardAt() == null || node.heardAt().isBefore(heardSince)) {
      return Optional.of("not heard from recently");
    }
    Optional<String> policy =
        node.policy().refusal(vm.tier, vm.runtime, vm.command, vm.outboundNetwork);
    if (policy.isPresent()) {
      return policy.map(reason -> "provider policy: " + reason);
    }
    if (vm.region != null && !vm.region.equals(node.region())) {
      return Optional.of("not in region " + vm.region);
    }
    if (!vm.tags.isEmpty() && !node.tags().containsAll(vm.tags)) {
      return Optional.of("missing tags " + vm.tags);
    }
    Optional<String> shortOf = node.capacity().shortOf(vm.demand);
    if (shortOf.isPresent()) {
      return shortOf;
    }
    if (vm.maxPrice != null && node.pricePerHour(vm.tier, vm.vcpus).compareTo(vm.maxPrice) > 0) {
      return Optional.of("price above " + vm.maxPrice.amount() + " per hour");
    }
    return Optional.empty();
  }

  /** What a VM asks of a node, read out of the entity once per decision, not once per node. */
  private record Wanted(
      Tier tier,
      int vcpus,
      Demand demand,
      String runtime,
      String command,
      boolean outboundNetwork,
      String region,
      List<String> tags,
      Money maxPrice) {

    static Wanted of(Vm vm) {
      return new Wanted(
          vm.tier(),
          vm.vcpus(),
          vm.demand(),
          vm.runtime(),
          vm.command(),
          vm.outboundNetwork(),
          vm.regionWish(),
          vm.tagsWish(),
          vm.maxPricePerHour());
    }
  }

  /** A sentence a tenant can act on when no node can take {@code vm}. */
  public static String explanation(Vm vm, List<NodeSnapshot> nodes, Instant heardSince) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long online = 0;
    for (NodeSnapshot node : nodes) {
      if (node != null) {
        online++;
        refusal(vm, node, heardSince).ifPresent(reason -> counts.merge(reason, 1L, Long::sum));
      }
    }
    if (online == 0) {
      return "no node is online";
    }
    StringBuilder text = new StringBuilder("no eligible node among the " + online + " online: ");
    counts.forEach((reason, n) -> text.append(reason).append(" (").append(n).append("), "));
    return text.substring(0, text.length() - 2);
  }

  private static Option option(Wanted vm, NodeSnapshot node, long maxPrice) {
    Money price = node.pricePerHour(vm.tier, vm.vcpus);
    double priceScore = maxPrice == 0 ? 1.0 : 1.0 - (double) price.amount() / maxPrice;
    double score =
        FIT_WEIGHT * node.capacity().freeShareAfter(vm.demand)
            + PRICE_WEIGHT * priceScore
            + REPUTATION_WEIGHT * node.reputation();
    return new Option(node, price, score);
  }

  /** Picks one option at random with probability proportional to score². */
  public static Option pick(List<Option> options, RandomGenerator random) {
    double total = 0;
    for (Option option : options) {
      total += weight(option);
    }
    if (total <= 0) {
      return options.get(random.nextInt(options.size()));
    }
    double point = random.nextDouble() * total;
    for (Option option : options) {
      point -= weight(option);
      if (point < 0) {
        return option;
      }
    }
    return options.get(options.size() - 1);
  }

  private static double weight(Option option) {
    return option.score() * option.score();
  }
}
