package org.hearth.application.market;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hearth.application.node.DailyUptime;
import org.hearth.application.node.NodeRegistry;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.node.NodeView;
import org.hearth.application.reputation.Attestations;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.application.reputation.Reviews;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.NodeReview;

/** The node marketplace: search, featured nodes, and a node's full page. */
@Stateless
public class Marketplace {

  /** How many nodes are featured, and the uptime they need. */
  static final int FEATURED = 10;

  static final double FEATURED_UPTIME = 95.0;

  /** Days of the uptime chart on a node's page. */
  public static final int UPTIME_DAYS = 30;

  @Inject MarketView view;
  @Inject NodeRepository nodes;
  @Inject NodeRegistry registry;
  @Inject NodeSettings settings;
  @Inject ReputationBoard reputations;
  @Inject Reviews reviews;
  @Inject Attestations attestations;
  @Inject Clock clock;

  // Searches read only the in-memory view: no transaction to begin and end for each.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public MarketSearch.Page search(MarketQuery query) {
    return MarketSearch.search(view.index(), query);
  }

  /** The top online nodes with at least 95% uptime, by reputation. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<MarketNode> featured() {
    return search(
            new MarketQuery(
                null,
                null,
                null,
                FEATURED_UPTIME,
                null,
                false,
                null,
                true,
                null,
                MarketQuery.Sort.REPUTATION,
                0,
                FEATURED))
        .items();
  }

  /**
   * A node's page, read fresh: the entry (its reputation as {@code viewer}, a Nostr key or null,
   * sees it), its badges, its uptime per day, its newest reviews and its current attestation.
   *
   * @throws org.hearth.domain.node.UnknownNodeException for an unknown id
   */
  public NodePage page(String nodeId, String viewer) {
    NodeView view = registry.find(nodeId);
    Node node = view.node();
    Instant now = clock.instant();
    LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(UPTIME_DAYS - 1L);
    List<DailyUptime.Day> days =
        DailyUptime.of(
            node.registeredAt(),
            now,
            UPTIME_DAYS,
            settings.heartbeatInterval(),
            nodes.missedByDay(nodeId, firstDay));
    MarketNode entry =
        MarketReader.entry(
            node, reputations.of(node, view.uptimePercent(), viewer), view.uptimePercent());
    return new NodePage(
        entry,
        Badges.of(entry, now),
        days,
        reviews.of(nodeId),
        attestations.current(nodeId).orElse(null));
  }

  /** A node's page; {@code reviews} the newest, {@code attestation} its current one (or null). */
  public record NodePage(
      MarketNode node,
      List<Badges.Badge> badges,
      List<DailyUptime.Day> uptimeByDay,
      List<NodeReview> reviews,
      AttestationSummary attestation) {}
}
