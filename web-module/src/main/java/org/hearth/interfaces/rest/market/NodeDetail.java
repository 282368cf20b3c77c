package org.hearth.interfaces.rest.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.application.market.Marketplace;
import org.hearth.interfaces.rest.reputation.ReputationView;
import org.hearth.interfaces.rest.reputation.ReviewResponse;
import org.hearth.protocol.compute.ProviderPolicy;

/**
 * A node's page: its card, what its policy accepts, its uptime per day, its reputation explained,
 * its newest reviews and its current attestation.
 */
public class NodeDetail extends NodeCard {
  public Policy policy;
  public List<Day> uptimeByDay;
  public ReputationView reputationBreakdown;
  public List<ReviewResponse> reviews;

  /** The node's current attestation, or null. */
  public AttestationView attestation;

  /** What the node's provider accepts. */
  public static class Policy {
    public List<String> tiers;
    public List<String> runtimes;
    public int maxVms;
    public boolean outboundNetwork;
  }

  /** One UTC day's uptime. */
  public static class Day {
    public LocalDate day;
    public double percent;
  }

  static NodeDetail of(Marketplace.NodePage page, Instant now) {
    NodeDetail d = new NodeDetail();
    fill(d, page, now);
    return d;
  }

  static void fill(NodeDetail d, Marketplace.NodePage page, Instant now) {
    NodeCard.fill(d, page.node(), now);
    ProviderPolicy p = page.node().policy();
    d.policy = new Policy();
    d.policy.tiers = p.tiers().stream().map(Enum::name).toList(); // in the tiers' order
    d.policy.runtimes = p.runtimes().stream().sorted().toList();
    d.policy.maxVms = p.maxVms();
    d.policy.outboundNetwork = p.outboundNetwork();
    d.reputationBreakdown = ReputationView.of(page.node().reputation());
    d.reviews = page.reviews().stream().map(ReviewResponse::of).toList();
    d.attestation = AttestationView.of(page.attestation());
    d.uptimeByDay =
        page.uptimeByDay().stream()
            .map(
                u -> {
                  Day day = new Day();
                  day.day = u.day();
                  day.percent = u.percent();
                  return day;
                })
            .toList();
  }
}
