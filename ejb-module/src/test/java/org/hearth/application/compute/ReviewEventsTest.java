package org.hearth.application.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.application.nostr.MemoryRelayStore;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.nostr.RelayStore;
import org.hearth.domain.reputation.NodeReview;
import org.hearth.domain.reputation.ReviewRepository;
import org.hearth.domain.reputation.ReviewStats;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ReviewEvents}: a review is one event, published again only where it is missing. */
class ReviewEventsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final NostrKeyPair marketKey = NostrKeyPair.generate();
  private final MemoryRelayStore store = new MemoryRelayStore();
  private final List<NodeReview> made = new ArrayList<>();
  private final List<Instant> askedSince = new ArrayList<>();
  private final List<String> published = new ArrayList<>();
  private final ReviewEvents reviews =
      new ReviewEvents() {
        @Override
        Optional<String> jobOf(String vmId) {
          return vmId.equals("vm-rented-over-nostr") ? Optional.of("job-1") : Optional.empty();
        }
      };

  @BeforeEach
  void wire() {
    MarketplaceKey key =
        new MarketplaceKey() {
          @Override
          public NostrKeyPair pair() {
            return marketKey;
          }
        };
    MarketEvents events =
        new MarketEvents() {
          @Override
          public void publish(NostrEvent event) {
            published.add(event.id());
            store.insert(List.of(new RelayStore.NewEvent(event, "", null)));
          }
        };
    events.key = key;
    ComputeSettings settings = new ComputeSettings();
    settings.reviewCatchUp = Duration.ofDays(7);
    reviews.events = events;
    reviews.settings = settings;
    reviews.store = store;
    reviews.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    reviews.reviews = new MadeReviews();
  }

  @Test
  void aReviewIsTheSameEventWheneverItIsPublished() {
    NodeReview review = review("vm-rented-over-nostr", 4, "ran fine", 300);

    reviews.publish(review);
    reviews.publish(review);

    assertEquals(2, published.size());
    assertEquals(published.get(0), published.get(1), "the same id: the relay keeps one");
    NostrEvent event = stored().get(0);
    assertEquals(NOW.minusSeconds(300).getEpochSecond(), event.createdAt(), "dated when made");
    assertEquals(ComputeKinds.FEEDBACK, event.kind());
    assertEquals(marketKey.publicKeyHex(), event.pubkey());
    assertEquals(Optional.of("job-1"), event.tagValue("e"));
    assertEquals(Optional.of("node-vm-rented-over-nostr"), event.tagValue("node"));
    assertEquals(Optional.of("4"), event.tagValue("rating"));
    assertEquals("ran fine", event.content());
  }

  @Test
  void onlyTheReviewsWithoutAnEventArePublishedOnStart() {
    NodeReview published = review("vm-a", 5, "fast", 1200);
    NodeReview lost = review("vm-b", 2, null, 600);
    // made just before a stop that lasted three hours
    NodeReview alsoLost = review("vm-rented-over-nostr", 3, "slow disk", 3 * 3600);
    reviews.publish(published);
    this.published.clear();

    assertEquals(2, reviews.publishMissing());

    assertEquals(List.of(NOW.minus(Duration.ofDays(7))), askedSince);
    assertEquals(3, stored().size(), "one event per review: " + stored());
    assertEquals(2, this.published.size(), "the stored one is not sent again");
    for (NodeReview review : List.of(lost, alsoLost)) {
      assertTrue(
          stored().stream().anyMatch(e -> e.tagValue("vm").equals(Optional.of(review.vmId()))),
          review.vmId());
    }
    assertEquals(0, reviews.publishMissing(), "nothing left to publish");
    assertEquals(2, this.published.size());
  }

  @Test
  void theNewestReviewsAreCheckedWhenThereAreMore() {
    reviews.checkedAtMost = 2;
    review("vm-old", 5, null, 3000);
    review("vm-newer", 4, null, 2000);
    review("vm-newest", 3, null, 1000);

    assertEquals(2, reviews.publishMissing());

    assertEquals(
        Set.of(Optional.of("vm-newer"), Optional.of("vm-newest")),
        stored().stream().map(e -> e.tagValue("vm")).collect(Collectors.toSet()));
  }

  private NodeReview review(String vmId, int rating, String comment, int secondsAgo) {
    NodeReview review =
        new NodeReview(
            vmId, "node-" + vmId, "account-1", rating, comment, NOW.minusSeconds(secondsAgo));
    made.add(review);
    return review;
  }

  private List<NostrEvent> stored() {
    RelayFilter feedback =
        new RelayFilter(
            Set.of(), Set.of(), Set.of(ComputeKinds.FEEDBACK), Map.of(), null, null, null);
    return store.query(feedback, 100, NOW.getEpochSecond()).stream()
        .map(e -> NostrEvent.fromJson(e.json()))
        .toList();
  }

  /** The reviews made, as the database would give them. */
  private final class MadeReviews implements ReviewRepository {
    @Override
    public Optional<NodeReview> find(String vmId) {
      return made.stream().filter(r -> r.vmId().equals(vmId)).findFirst();
    }

    @Override
    public List<NodeReview> latestSince(Instant since, int limit) {
      askedSince.add(since);
      return made.stream()
          .filter(r -> !r.createdAt().isBefore(since))
          .sorted(Comparator.comparing(NodeReview::createdAt).reversed())
          .limit(limit)
          .toList();
    }

    @Override
    public void add(NodeReview review) {
      made.add(review);
    }

    @Override
    public List<NodeReview> latestOf(String nodeId, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, ReviewStats> statsPerNode() {
      throw new UnsupportedOperationException();
    }
  }
}
