package org.hearth.application.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

/** {@link ComputeMarket}: how a job request whose bidding failed is answered. */
class ComputeMarketTest {

  private final NostrEvent request =
      new EventSigner(NostrKeyPair.generate())
          .sign(ComputeKinds.JOB_REQUEST, List.of(), "{}", Instant.now());
  private final NostrEvent feedback =
      new EventSigner(NostrKeyPair.generate())
          .sign(
              ComputeKinds.FEEDBACK,
              List.of(List.of("e", request.id()), List.of("rating", "4")),
              "ran fine",
              Instant.now());
  private final RecordingJobs jobs = new RecordingJobs();
  private final ComputeMarket market = new ComputeMarket();

  {
    market.jobs = jobs;
  }

  @Test
  void aRequestAnotherServerBidOnMeanwhileIsNotRefused() {
    // The other server's job row committed first: this server's insert of it failed.
    jobs.failure = new EJBException("duplicate key value violates unique constraint");
    jobs.bidOnElsewhere = true;

    market.onRequest(request, null);

    assertEquals(List.of(), jobs.refusals, "the winner's bids stand alone");
  }

  @Test
  void aRequestWhoseBiddingFailedIsToldWhy() {
    jobs.failure = new EJBException(new IllegalStateException("database unreachable"));

    market.onRequest(request, null);

    assertEquals(List.of("ERROR error: database unreachable"), jobs.refusals);
  }

  @Test
  void aRefusedRequestIsToldTheRefusalAsIs() {
    jobs.failure = new ComputeRefusal("invalid: vcpus must be at least 1");

    market.onRequest(request, null);

    assertEquals(List.of("ERROR invalid: vcpus must be at least 1"), jobs.refusals);
  }

  @Test
  void feedbackAnotherServerReviewedMeanwhileIsNotRefused() {
    // Both servers handed over the same stored feedback; the other's review committed first.
    jobs.failure = new EJBException("duplicate key value violates unique constraint");
    jobs.reviewedElsewhere = true;

    market.onFeedback(feedback);

    assertEquals(List.of(), jobs.refusals, "the other server's review stands");
  }

  @Test
  void feedbackWhoseReviewFailedIsToldWhyOnItsJob() {
    jobs.failure = new ComputeRefusal("restricted: feedback is for the tenant's own jobs that ran");

    market.onFeedback(feedback);

    assertEquals(
        List.of("ERROR restricted: feedback is for the tenant's own jobs that ran"), jobs.refusals);
    assertEquals(List.of(request.id()), jobs.refusedJobs, "refusals name the job");
  }

  /** The market's job work, failing as told and recording the statuses it would publish. */
  private static final class RecordingJobs extends ComputeJobs {
    RuntimeException failure;
    boolean bidOnElsewhere;
    boolean reviewedElsewhere;
    final List<String> refusals = new ArrayList<>();
    final List<String> refusedJobs = new ArrayList<>();

    @Override
    public void bid(NostrEvent request, VmRequest spec) {
      throw failure;
    }

    @Override
    public boolean isBidOn(String requestId) {
      return bidOnElsewhere;
    }

    @Override
    public void review(NostrEvent feedback) {
      throw failure;
    }

    @Override
    public boolean isReviewed(NostrEvent feedback) {
      return reviewedElsewhere;
    }

    @Override
    public void refuse(String requestId, String tenant, JobStatus status, String message) {
      refusals.add(status + " " + message);
      refusedJobs.add(requestId);
    }
  }
}
