package org.hearth.application.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hearth.domain.node.Demand;
import org.hearth.domain.node.Node;
import org.hearth.domain.vm.Vm;
import org.hearth.protocol.money.Money;

/**
 * Chooses a node for a VM: filters the candidates by the rules every placement must keep, scores
 * the eligible ones by free-capacity fit, price and reputation, and picks one at random with weight
 * score², so good nodes get more work without taking all of it.
 */
public final class Placement {

  static final double FIT_WEIGHT = 0.4;
  static final double PRICE_WEIGHT = 0.3;
  static final double REPUTATION_WEIGHT = 0.3;

  private Placement() {}

  /** An eligible node with its price for the VM and its score in [0, 1]. */
  public record Option(Node node, Money pricePerHour, double score) {}

  /** The eligible nodes, best first, and why the others were not. */
  public record Eligibility(List<Option> options, Map<String, String> refusals) {

    /** A sentence a tenant can act on when nothing is eligible. */
    public String explanation() {
      if (refusals.isEmpty()) {
        return "no node is online";
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      refusals.values().forEach(reason -> counts.merge(reason, 1L, Long::sum));
      StringBuilder text =
          new StringBuilder("no eligible node among the " + refusals.size() + " online: ");
      counts.forEach((reason, n) -> text.append(reason).append(" (").append(n).append("), "));
      return text.substring(0, text.length() - 2);
    }
  }

  public static Eligibility eligible(Vm vm, List<Candidate> candidates) {
    List<Candidate> fitting = new ArrayList<>();
    Map<String, String> refusals = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      refusal(vm, candidate.node())
          .ifPresentOrElse(
              reason -> refusals.put(candidate.node().id(), reason), () -> fitting.add(candidate));
    }
    long maxPrice =
        fitting.stream()
            .mapToLong(c -> VmPricing.perHour(c.node(), vm.tier(), vm.vcpus()).amount())
            .max()
            .orElse(0);
    List<Option> options =
        fitting.stream()
            .map(c -> option(vm, c, maxPrice))
            .sorted(Comparator.comparingDouble(Option::score).reversed())
            .toList();
    return new Eligibility(options, refusals);
  }

  /** Why a node cannot take a VM, or empty when it can. */
  public static Optional<String> refusal(Vm vm, Node node) {
    Optional<String> policy =
        node.policy().refusal(vm.tier(), vm.runtime(), vm.command(), vm.outboundNetwork());
    if (policy.isPresent()) {
      return policy.map(reason -> "provider policy: " + reason);
    }
    if (vm.regionWish() != null && !vm.regionWish().equals(node.region())) {
      return Optional.of("not in region " + vm.regionWish());
    }
    if (!node.tags().containsAll(vm.tagsWish())) {
      return Optional.of("missing tags " + vm.tagsWish());
    }
    Optional<String> shortOf = node.shortOf(vm.demand());
    if (shortOf.isPresent()) {
      return shortOf;
    }
    Money price = VmPricing.perHour(node, vm.tier(), vm.vcpus());
    if (vm.maxPricePerHour() != null && price.compareTo(vm.maxPricePerHour()) > 0) {
      return Optional.of("price above " + vm.maxPricePerHour().amount() + " per hour");
    }
    return Optional.empty();
  }

  private static Option option(Vm vm, Candidate candidate, long maxPrice) {
    Node node = candidate.node();
    Money price = VmPricing.perHour(node, vm.tier(), vm.vcpus());
    double priceScore = maxPrice == 0 ? 1.0 : 1.0 - (double) price.amount() / maxPrice;
    double score =
        FIT_WEIGHT * freeShareAfter(node, vm.demand())
            + PRICE_WEIGHT * priceScore
            + REPUTATION_WEIGHT * candidate.reputation();
    return new Option(node, price, score);
  }

  /** The smaller of the CPU and memory shares left free once the VM is placed (spreads load). */
  static double freeShareAfter(Node node, Demand demand) {
    Demand offered = node.offered();
    Demand allocated = node.allocated();
    double cpu =
        share(
            offered.coreShares() - allocated.coreShares() - demand.coreShares(),
            offered.coreShares());
    double memory =
        share(
            offered.memoryMib() - allocated.memoryMib() - demand.memoryMib(), offered.memoryMib());
    return Math.min(cpu, memory);
  }

  private static double share(long free, long total) {
    return total <= 0 ? 0 : Math.max(0, Math.min(1, (double) free / total));
  }

  /** Picks one option at random with probability proportional to score². */
  public static Option pick(List<Option> options, RandomGenerator random) {
    double total = options.stream().mapToDouble(o -> weight(o)).sum();
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
