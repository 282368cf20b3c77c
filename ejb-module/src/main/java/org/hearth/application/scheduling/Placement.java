package org.hearth.application.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.domain.node.Demand;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * Chooses a node for a VM: filters the nodes by the rules every placement must keep, scores the
 * eligible ones by free-capacity fit, full hourly price (see {@link PriceCalculator}) and
 * reputation, and picks one at random with weight score², so good nodes get more work without
 * taking all of it. Pure and allocation-light: the scheduler runs it over every online node for
 * every VM.
 */
public final class Placement {

  static final double FIT_WEIGHT = 0.4;
  static final double PRICE_WEIGHT = 0.3;
  static final double REPUTATION_WEIGHT = 0.3;

  private Placement() {}

  /** Node reputation scores in [0, 1] as the tenant sees them. */
  @FunctionalInterface
  public interface Reputations {
    /** Everyone's view: each snapshot's global reputation. */
    Reputations GLOBAL = NodeSnapshot::reputation;

    double of(NodeSnapshot node);
  }

  /** An eligible node with its full hourly price for the VM and its score in [0, 1]. */
  public record Option(NodeSnapshot node, Money pricePerHour, double score) {}

  /**
   * Eligible nodes for {@code vm}, scored, in no particular order: all of them on a small cluster;
   * on a large one, the first {@link #enough} found going round from {@code start}. Like
   * kube-scheduler's percentageOfNodesToScore, this bounds a decision's cost at thousands of nodes,
   * and a random start spreads the work over all of them.
   *
   * @param nodes the view; null entries (nodes gone from it) are skipped
   * @param heardSince nodes silent since before this are not eligible
   * @param prices computes each node's full hourly price for the VM
   * @param reputations the nodes' reputation as the VM's tenant sees it
   */
  public static List<Option> options(
      Wanted vm,
      List<NodeSnapshot> nodes,
      Instant heardSince,
      int start,
      PriceCalculator prices,
      Reputations reputations) {
    int size = nodes.size();
    int enough = enough(size);
    List<NodeSnapshot> eligible = new ArrayList<>(Math.min(enough, 1024));
    long maxPrice = 0;
    for (int i = 0; i < size && eligible.size() < enough; i++) {
      NodeSnapshot node = nodes.get((start + i) % size);
      if (node != null && refusal(vm, node, heardSince, prices).isEmpty()) {
        eligible.add(node);
        maxPrice = Math.max(maxPrice, price(vm, node, prices));
      }
    }
    List<Option> options = new ArrayList<>(eligible.size());
    for (NodeSnapshot node : eligible) {
      options.add(option(vm, node, maxPrice, prices, reputations));
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

  /**
   * Why a node cannot take a VM, or empty when it can: the one eligibility rule of placement and
   * quotes.
   */
  public static Optional<String> refusal(
      Wanted vm, NodeSnapshot node, Instant heardSince, PriceCalculator prices) {
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
    if (!vm.tools.isEmpty() && !node.hostTools().containsAll(vm.tools)) {
      return Optional.of("missing host tools " + vm.tools);
    }
    Optional<String> shortOf = node.capacity().shortOf(vm.demand);
    if (shortOf.isPresent()) {
      return shortOf;
    }
    long price = price(vm, node, prices);
    if (price < 0) {
      return Optional.of("price out of range");
    }
    if (vm.maxPrice != null && price > vm.maxPrice.amount()) {
      return Optional.of("price above " + vm.maxPrice.amount() + " per hour");
    }
    return Optional.empty();
  }

  /** The node's full hourly price for the VM, or -1 when the node's prices overflow a long. */
  private static long price(Wanted vm, NodeSnapshot node, PriceCalculator prices) {
    try {
      return node.pricePerHour(prices, vm.tier, vm.vcpus, vm.memoryMib, vm.diskGib, vm.gpus);
    } catch (ArithmeticException overflow) {
      return -1;
    }
  }

  /**
   * What a VM asks of a node, read out of the entity (or a quote's spec) once per decision, not
   * once per node.
   *
   * @param command null when not known yet (a quote that names none): the provider's allow-list is
   *     then not checked
   * @param maxPrice the most the tenant pays per hour, or null for any price
   */
  public record Wanted(
      Tier tier,
      int vcpus,
      long memoryMib,
      long diskGib,
      int gpus,
      Demand demand,
      String runtime,
      String command,
      boolean outboundNetwork,
      String region,
      List<String> tags,
      List<String> tools,
      Money maxPrice) {

    public Wanted {
      tags = List.copyOf(tags);
    }

    public static Wanted of(Vm vm) {
      return new Wanted(
          vm.tier(),
          vm.vcpus(),
          vm.memoryMib(),
          vm.diskGib(),
          vm.gpus(),
          vm.demand(),
          vm.runtime(),
          vm.command(),
          vm.outboundNetwork(),
          vm.regionWish(),
          vm.tagsWish(),
          vm.requiredTools(),
          vm.maxPricePerHour());
    }

    /** What a request would ask, before any VM exists (a quote). */
    public static Wanted of(VmRequest request) {
      return new Wanted(
          request.tier(),
          request.vcpus(),
          request.memoryMib(),
          request.diskGib(),
          request.gpus(),
          new Demand(
              request.tier().coreShares(request.vcpus()),
              request.memoryMib(),
              request.diskGib(),
              request.gpus()),
          request.runtime(),
          request.command(),
          request.outboundNetwork(),
          request.region(),
          request.tags(),
          request.requiredTools(),
          request.maxPricePerHour());
    }
  }

  /** A sentence a tenant can act on when no node can take {@code vm}. */
  public static String explanation(
      Wanted vm, List<NodeSnapshot> nodes, Instant heardSince, PriceCalculator prices) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long online = 0;
    for (NodeSnapshot node : nodes) {
      if (node != null) {
        online++;
        refusal(vm, node, heardSince, prices)
            .ifPresent(reason -> counts.merge(reason, 1L, Long::sum));
      }
    }
    if (online == 0) {
      return "no node is online";
    }
    StringBuilder text = new StringBuilder("no eligible node among the " + online + " online: ");
    counts.forEach((reason, n) -> text.append(reason).append(" (").append(n).append("), "));
    return text.substring(0, text.length() - 2);
  }

  private static Option option(
      Wanted vm,
      NodeSnapshot node,
      long maxPrice,
      PriceCalculator prices,
      Reputations reputations) {
    long price = price(vm, node, prices);
    double priceScore = maxPrice == 0 ? 1.0 : 1.0 - (double) price / maxPrice;
    double score =
        FIT_WEIGHT * node.capacity().freeShareAfter(vm.demand)
            + PRICE_WEIGHT * priceScore
            + REPUTATION_WEIGHT * reputations.of(node);
    return new Option(node, Money.of(price), score);
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
