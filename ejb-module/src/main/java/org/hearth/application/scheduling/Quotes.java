package org.hearth.application.scheduling;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.hearth.application.billing.BillingMath;
import org.hearth.application.billing.BillingSettings;
import org.hearth.application.billing.PriceBreakdown;
import org.hearth.application.billing.PriceCalculator;
import org.hearth.application.billing.PricingSettings;
import org.hearth.application.node.NodeSettings;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.node.UnknownNodeException;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.money.Money;

/**
 * Prices a VM spec without placing it: on a named node, or on the cheapest nodes that could take it
 * now. Eligibility is the scheduler's own ({@link Placement#refusal}), read from the same in-memory
 * view, so a quote lists exactly the nodes a placement could choose from.
 */
@Stateless
public class Quotes {

  /**
   * A quote that finds fewer nodes than asked reads the view again when it is older than this, so
   * nodes that came online since show up soon, while quotes never read the database more than once
   * a second.
   */
  static final Duration FRESH_ENOUGH = Duration.ofSeconds(1);

  @Inject NodeRepository nodes;
  @Inject OnlineNodeView view;
  @Inject NodeSettings nodeSettings;
  @Inject PricingSettings pricing;
  @Inject BillingSettings billing;
  @Inject Clock clock;

  /**
   * One node's price for the spec.
   *
   * @param breakdown null when the node's prices overflow (then {@code refusal} says so)
   * @param pricePerPeriod what one billing period costs at this price
   * @param refusal why the node could not host the VM now, or null when it could
   */
  public record Quote(
      String nodeId,
      String region,
      PriceBreakdown breakdown,
      Money pricePerPeriod,
      String refusal) {}

  /**
   * @param explanation why no node could take the spec, when {@code quotes} is empty; else null
   */
  public record Result(List<Quote> quotes, Duration billingPeriod, String explanation) {}

  /**
   * The price of {@code spec} on {@code nodeId}, online or not, and whether it could host it now.
   *
   * @throws UnknownNodeException when no such node is registered
   */
  public Result onNode(VmRequest spec, String nodeId) {
    Node node = nodes.find(nodeId).orElseThrow(() -> new UnknownNodeException(nodeId));
    PriceCalculator prices = pricing.calculator();
    Placement.Wanted wanted = Placement.Wanted.of(spec);
    NodeSnapshot snapshot = NodeSnapshot.ofRow(node, view.get(nodeId).orElse(null));
    String refusal =
        node.status() != NodeStatus.ONLINE
            ? "not online"
            : Placement.refusal(wanted, snapshot, heardSince(), prices).orElse(null);
    PriceBreakdown breakdown;
    try {
      breakdown = breakdown(prices, wanted, snapshot);
    } catch (ArithmeticException overflow) {
      return new Result(
          List.of(new Quote(nodeId, node.region(), null, null, "price out of range")),
          billing.period(),
          null);
    }
    return new Result(List.of(quote(snapshot, breakdown, refusal)), billing.period(), null);
  }

  /** The {@code limit} cheapest nodes that could take {@code spec} now, cheapest first. */
  public Result cheapest(VmRequest spec, int limit) {
    Instant askedAt = clock.instant();
    List<NodeSnapshot> online = view.current();
    List<Quote> quotes = cheapest(spec, online, limit);
    if (quotes.size() < limit) {
      view.ensureLoadedSince(askedAt.minus(FRESH_ENOUGH));
      online = view.current();
      quotes = cheapest(spec, online, limit);
    }
    String explanation =
        quotes.isEmpty()
            ? Placement.explanation(
                Placement.Wanted.of(spec), online, heardSince(), pricing.calculator())
            : null;
    return new Result(quotes, billing.period(), explanation);
  }

  private List<Quote> cheapest(VmRequest spec, List<NodeSnapshot> online, int limit) {
    PriceCalculator prices = pricing.calculator();
    Placement.Wanted wanted = Placement.Wanted.of(spec);
    Instant heardSince = heardSince();
    record Priced(NodeSnapshot node, long price) {}
    Comparator<Priced> cheaperFirst =
        Comparator.comparingLong(Priced::price).thenComparing(p -> p.node().id());
    // The most expensive of the cheapest found so far on top, to be dropped first.
    PriorityQueue<Priced> kept = new PriorityQueue<>(limit + 1, cheaperFirst.reversed());
    for (NodeSnapshot node : online) {
      if (node != null && Placement.refusal(wanted, node, heardSince, prices).isEmpty()) {
        kept.add(new Priced(node, price(prices, wanted, node)));
        if (kept.size() > limit) {
          kept.poll();
        }
      }
    }
    List<Priced> chosen = new ArrayList<>(kept);
    chosen.sort(cheaperFirst);
    List<Quote> quotes = new ArrayList<>(chosen.size());
    for (Priced priced : chosen) {
      quotes.add(quote(priced.node(), breakdown(prices, wanted, priced.node()), null));
    }
    return quotes;
  }

  private Quote quote(NodeSnapshot node, PriceBreakdown breakdown, String refusal) {
    return new Quote(
        node.id(),
        node.region(),
        breakdown,
        BillingMath.forSeconds(breakdown.total(), billing.period().toSeconds()),
        refusal);
  }

  private static long price(PriceCalculator prices, Placement.Wanted vm, NodeSnapshot node) {
    return node.pricePerHour(
        prices, vm.tier(), vm.vcpus(), vm.memoryMib(), vm.diskGib(), vm.gpus());
  }

  private static PriceBreakdown breakdown(
      PriceCalculator prices, Placement.Wanted vm, NodeSnapshot node) {
    return prices.breakdown(
        node.prices(),
        node.pointsPerCore(),
        vm.tier(),
        vm.vcpus(),
        vm.memoryMib(),
        vm.diskGib(),
        vm.gpus());
  }

  private Instant heardSince() {
    return clock.instant().minus(nodeSettings.offlineAfter());
  }
}
