package org.hearth.application.compute;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.nostr.RelayStore;
import org.hearth.application.reputation.NodeReviewed;
import org.hearth.domain.reputation.NodeReview;
import org.hearth.domain.reputation.ReviewRepository;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Every review, made over REST or Nostr, published as feedback (kind 7900) signed by the
 * marketplace, which vouches that its author rented the node: tags {@code node}, {@code vm}, {@code
 * rating}, and {@code e} naming the job when the VM was rented over Nostr.
 *
 * <p>The event is dated when the review was made, so a review is always the same event, with the
 * same id: publishing it again (after a crash between the review's commit and its event, or for
 * feedback handed to the market twice) is a duplicate the relays drop.
 */
@Stateless
public class ReviewEvents {

  private static final System.Logger LOG = System.getLogger(ReviewEvents.class.getName());

  /**
   * The most reviews a starting server looks at, newest first: a stop leaves at most the few
   * reviews whose events were on their way without one, and those are the newest.
   */
  int checkedAtMost = 2_000;

  /** Event ids per query. */
  private static final int CHUNK = 200;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Inject MarketEvents events;
  @Inject ReviewRepository reviews;
  @Inject RelayStore store;
  @Inject ComputeSettings settings;
  @Inject Clock clock;

  /** Publishes a review once it is committed. */
  public void onReviewed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NodeReviewed reviewed) {
    publish(reviewed.review());
  }

  /** Publishes the review's event; the relay drops it if it has it already. */
  public void publish(NodeReview review) {
    events.publish(eventOf(review));
  }

  /**
   * Publishes the reviews of the last {@code hearth.compute.review-catch-up} whose events the relay
   * does not have: the server stopped between a review's commit and its event.
   *
   * @return how many were published
   */
  public int publishMissing() {
    Instant now = clock.instant();
    List<NodeReview> recent =
        reviews.latestSince(now.minus(settings.reviewCatchUp()), checkedAtMost);
    if (recent.size() == checkedAtMost) {
      LOG.log(
          System.Logger.Level.INFO,
          "more than {0} reviews in the last {1}: the newest {0} are checked",
          checkedAtMost,
          settings.reviewCatchUp());
    }
    Map<String, NostrEvent> byId = new LinkedHashMap<>();
    recent.stream().map(this::eventOf).forEach(event -> byId.put(event.id(), event));
    List<String> ids = List.copyOf(byId.keySet());
    for (int i = 0; i < ids.size(); i += CHUNK) {
      RelayFilter stored =
          new RelayFilter(
              Set.copyOf(ids.subList(i, Math.min(ids.size(), i + CHUNK))),
              Set.of(),
              Set.of(ComputeKinds.FEEDBACK),
              Map.of(),
              null,
              null,
              null);
      store.query(stored, CHUNK, now.getEpochSecond()).forEach(e -> byId.remove(e.id()));
    }
    byId.values().forEach(events::publish);
    return byId.size();
  }

  private NostrEvent eventOf(NodeReview review) {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of("node", review.nodeId()));
    tags.add(List.of("vm", review.vmId()));
    tags.add(List.of("rating", Integer.toString(review.rating())));
    jobOf(review.vmId()).ifPresent(job -> tags.add(List.of("e", job)));
    return events.feedback(
        tags, review.comment() == null ? "" : review.comment(), review.createdAt());
  }

  /** The job request the VM was rented for over Nostr, if it was. */
  Optional<String> jobOf(String vmId) {
    return em.createQuery("SELECT j.requestId FROM ComputeJob j WHERE j.vmId = :vm", String.class)
        .setParameter("vm", vmId)
        .getResultStream()
        .findFirst();
  }
}
