package org.hearth.application.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.application.billing.PricingSettings;
import org.hearth.application.identity.Accounts;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.domain.node.Demand;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.vm.Vm;
import org.hearth.protocol.money.Money;

/**
 * Places a VM on a node and takes the capacity there, in the caller's transaction. The decision
 * runs over the in-memory {@link OnlineNodeView}; the chosen node's row is then locked and checked
 * again before its capacity is taken, so concurrent placements, also on other servers, never
 * over-allocate a node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Scheduler {

  private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

  @Inject NodeRepository nodes;
  @Inject OnlineNodeView view;
  @Inject ReputationBoard reputationBoard;
  @Inject Accounts accounts;
  @Inject NodeSettings nodeSettings;
  @Inject PricingSettings pricing;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;

  private final RandomGenerator random = RandomGenerator.getDefault();
  private Timer decisions;

  @PostConstruct
  void registerMetric() {
    decisions =
        metrics.timer(
            Metadata.builder()
                .withName("hearth.scheduler.decision")
                .withDescription("Time to choose a node for a VM from the in-memory view")
                .build());
  }

  /**
   * Schedules {@code vm} ({@code REQUESTED → SCHEDULED}).
   *
   * @throws NoEligibleNodeException when no online node can take it
   * @throws TargetNodeRefusedException when the tenant named a node that cannot take it
   */
  public Node place(Vm vm) {
    Instant requestedAt = clock.instant();
    Placement.Wanted wanted = Placement.Wanted.of(vm);
    PriceCalculator prices = pricing.calculator();
    Placement.Reputations reputations = reputationsSeenBy(vm.ownerAccountId());
    boolean reloaded = false;
    while (true) {
      Instant heardSince = clock.instant().minus(nodeSettings.offlineAfter());
      List<NodeSnapshot> candidates = candidates(vm);
      Optional<Placement.Option> chosen =
          decide(wanted, candidates, heardSince, prices, reputations);
      if (chosen.isEmpty()) {
        if (!reloaded) {
          // The view may be missing a node that registered or came back since it was read.
          view.ensureLoadedSince(requestedAt);
          reloaded = true;
          continue;
        }
        throw refusal(vm, wanted, candidates, heardSince, prices);
      }
      Optional<Node> taken = take(vm, wanted, chosen.get(), heardSince, prices);
      if (taken.isPresent()) {
        return taken.get();
      }
      // The view was stale for this node and now shows it as its row does: decide again.
    }
  }

  /** Gives back the capacity a VM held on {@code node}, which the caller has locked. */
  public void release(Node node, Demand demand) {
    node.release(demand);
    view.changed(node);
  }

  private List<NodeSnapshot> candidates(Vm vm) {
    if (vm.targetNodeId() != null) {
      return view.get(vm.targetNodeId()).map(List::of).orElse(List.of());
    }
    return vm.regionWish() == null ? view.current() : view.inRegion(vm.regionWish());
  }

  /**
   * Node reputations as the tenant sees them: social trust personalized from the first of its Nostr
   * keys that follows anyone, else everyone's view.
   */
  private Placement.Reputations reputationsSeenBy(String accountId) {
    for (String key : accounts.nostrKeys(accountId)) {
      Optional<ReputationBoard.Perspective> perspective = reputationBoard.perspectiveOf(key);
      if (perspective.isPresent()) {
        ReputationBoard.Perspective seen = perspective.get();
        return node -> seen.score(node.id(), node.reputation());
      }
    }
    return Placement.Reputations.GLOBAL;
  }

  private Optional<Placement.Option> decide(
      Placement.Wanted vm,
      List<NodeSnapshot> candidates,
      Instant heardSince,
      PriceCalculator prices,
      Placement.Reputations reputations) {
    long started = System.nanoTime();
    int start = candidates.isEmpty() ? 0 : random.nextInt(candidates.size());
    List<Placement.Option> options =
        Placement.options(vm, candidates, heardSince, start, prices, reputations);
    Optional<Placement.Option> chosen =
        options.isEmpty() ? Optional.empty() : Optional.of(Placement.pick(options, random));
    decisions.update(Duration.ofNanos(System.nanoTime() - started));
    return chosen;
  }

  /**
   * Locks the chosen node's row and takes the capacity if the row still allows it, at the full
   * hourly price the row asks now (the view's prices may be stale).
   */
  private Optional<Node> take(
      Vm vm,
      Placement.Wanted wanted,
      Placement.Option chosen,
      Instant heardSince,
      PriceCalculator prices) {
    Optional<Node> locked = nodes.lock(chosen.node().id());
    if (locked.isEmpty() || locked.get().status() != NodeStatus.ONLINE) {
      view.remove(chosen.node().id());
      return Optional.empty();
    }
    Node node = locked.get();
    view.changed(node);
    NodeSnapshot fresh = chosen.node().refreshedFrom(node);
    if (Placement.refusal(wanted, fresh, heardSince, prices).isPresent()) {
      return Optional.empty();
    }
    Money price =
        prices.perHour(
            fresh.prices(),
            fresh.pointsPerCore(),
            wanted.tier(),
            wanted.vcpus(),
            wanted.memoryMib(),
            wanted.diskGib(),
            wanted.gpus());
    node.allocate(vm.demand());
    view.changed(node);
    vm.schedule(
        node.id(),
        price,
        "placed on node " + node.id() + " at " + price.amount() + " per hour",
        clock.instant());
    LOG.log(System.Logger.Level.INFO, "vm {0}: scheduled on node {1}", vm.id(), node.id());
    return Optional.of(node);
  }

  private RuntimeException refusal(
      Vm vm,
      Placement.Wanted wanted,
      List<NodeSnapshot> candidates,
      Instant heardSince,
      PriceCalculator prices) {
    if (vm.targetNodeId() != null) {
      String reason =
          candidates.stream()
              .filter(Objects::nonNull)
              .findFirst()
              .flatMap(node -> Placement.refusal(wanted, node, heardSince, prices))
              .orElse("not online");
      return new TargetNodeRefusedException(vm.targetNodeId(), reason);
    }
    // Every node, not only the region's: "not in region" is a reason the tenant can act on.
    return new NoEligibleNodeException(
        Placement.explanation(wanted, view.current(), heardSince, prices));
  }
}
