package org.hearth.application.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.application.nostr.MemoryRelayStore;
import org.hearth.application.nostr.RelayStore;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UnansweredJobs}: which stored requests, acceptances and feedback the market never
 * answered.
 */
class UnansweredJobsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private final NostrKeyPair marketKey = NostrKeyPair.generate();
  private final EventSigner market = new EventSigner(marketKey);
  private final EventSigner tenant = new EventSigner(NostrKeyPair.generate());
  private final MemoryRelayStore store = new MemoryRelayStore();
  private final UnansweredJobs unanswered = new UnansweredJobs();

  @BeforeEach
  void wire() {
    ComputeSettings settings = new ComputeSettings();
    settings.unansweredWindow = Duration.ofHours(1);
    unanswered.settings = settings;
    unanswered.store = store;
    unanswered.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    unanswered.key =
        new MarketplaceKey() {
          @Override
          public String publicKeyHex() {
            return marketKey.publicKeyHex();
          }
        };
  }

  @Test
  void aRequestIsAnsweredByAnyStatusNamingIt() {
    NostrEvent bidOn = request(50);
    status(bidOn, JobStatus.BID, 49);
    NostrEvent noneFits = request(40);
    status(noneFits, JobStatus.NO_BIDS, 39);
    NostrEvent lost = request(30);
    NostrEvent alsoLost = request(20);

    assertEquals(ids(lost, alsoLost), ids(unanswered.find()), "oldest first");
  }

  @Test
  void anAcceptanceIsAnsweredByItsRefusalOrALaterStatusOfItsRequest() {
    NostrEvent request = request(50);
    NostrEvent bid = status(request, JobStatus.BID, 49);
    NostrEvent started = accept(bid, 40);
    status(request, JobStatus.SCHEDULED, 39);
    NostrEvent lost = accept(bid, 30);
    NostrEvent refused = accept(bid, 20);
    publish(
        market.sign(
            ComputeKinds.JOB_RESULT,
            List.of(List.of("e", refused.id()), List.of("status", JobStatus.ERROR.tag())),
            "{}",
            NOW.minusSeconds(19)));
    NostrEvent unpaidRequest = request(15);
    NostrEvent unpaid = accept(status(unpaidRequest, JobStatus.BID, 14), 13);
    status(unpaidRequest, JobStatus.PAYMENT_REQUIRED, 12);

    List<String> found = ids(unanswered.find());

    assertEquals(ids(lost), found, "only the acceptance nothing answered since: " + started);
    assertFalse(found.contains(unpaid.id()), "answered: payment required");
  }

  @Test
  void feedbackIsAnsweredByTheJobsReviewOrARefusalFromItsTimeOn() {
    NostrEvent reviewedJob = request(900);
    NostrEvent reviewed = feedback(reviewedJob, 60);
    review(reviewedJob, 59);
    NostrEvent refusedJob = request(800);
    NostrEvent refused = feedback(refusedJob, 50);
    status(refusedJob, JobStatus.ERROR, 49);
    NostrEvent endedJob = request(700);
    status(endedJob, JobStatus.BID, 699);
    status(endedJob, JobStatus.ERROR, 600);
    review(endedJob, 500);
    NostrEvent lostAfterStop = feedback(endedJob, 40);
    status(endedJob, JobStatus.STOPPED, 39);
    NostrEvent unnamed = feedback(null, 30);
    NostrEvent unnamedRefused = feedback(null, 20);
    status(unnamedRefused, JobStatus.ERROR, 19);

    List<String> found = ids(unanswered.find());

    assertEquals(
        ids(lostAfterStop, unnamed),
        found,
        "answered: " + ids(reviewed, refused) + ", refused by name: " + unnamedRefused.id());
  }

  @Test
  void theMarketsOwnEventsAndOnesBeforeTheWindowAreLeftAlone() {
    request(2 * 3600);
    publish(market.sign(ComputeKinds.JOB_REQUEST, List.of(), "{}", NOW.minusSeconds(10)));

    assertEquals(List.of(), unanswered.find());
  }

  private NostrEvent request(long secondsAgo) {
    return publish(
        tenant.sign(
            ComputeKinds.JOB_REQUEST,
            List.of(),
            "{\"vcpus\":1,\"secondsAgo\":" + secondsAgo + "}",
            NOW.minusSeconds(secondsAgo)));
  }

  private NostrEvent status(NostrEvent request, JobStatus status, long secondsAgo) {
    return publish(
        market.sign(
            ComputeKinds.JOB_RESULT,
            List.of(
                List.of("e", request.id()),
                List.of("p", request.pubkey()),
                List.of("status", status.tag())),
            "{}",
            NOW.minusSeconds(secondsAgo)));
  }

  private NostrEvent accept(NostrEvent bid, long secondsAgo) {
    return publish(
        tenant.sign(
            ComputeKinds.BID_ACCEPTANCE,
            List.of(List.of("e", bid.id()), List.of("t", Long.toString(secondsAgo))),
            "",
            NOW.minusSeconds(secondsAgo)));
  }

  /** The tenant's feedback on {@code job}, or naming no job when it is null. */
  private NostrEvent feedback(NostrEvent job, long secondsAgo) {
    List<List<String>> tags = new ArrayList<>();
    if (job != null) {
      tags.add(List.of("e", job.id()));
    }
    tags.add(List.of("rating", "4"));
    return publish(
        tenant.sign(ComputeKinds.FEEDBACK, tags, "ok " + secondsAgo, NOW.minusSeconds(secondsAgo)));
  }

  /** The market's review of {@code job}, published as its own feedback. */
  private void review(NostrEvent job, long secondsAgo) {
    publish(
        market.sign(
            ComputeKinds.FEEDBACK,
            List.of(List.of("e", job.id()), List.of("rating", "4")),
            "",
            NOW.minusSeconds(secondsAgo)));
  }

  private NostrEvent publish(NostrEvent event) {
    store.insert(List.of(new RelayStore.NewEvent(event, "", null)));
    return event;
  }

  private static List<String> ids(NostrEvent... events) {
    return ids(List.of(events));
  }

  private static List<String> ids(List<NostrEvent> events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.id()));
    return ids;
  }
}
