package org.hearth.application.compute;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Function;
import org.hearth.application.billing.PaymentRequiredException;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Where the relay hands over the compute market's events, off the relay's own thread: each event is
 * acted on in a transaction of its own, and what cannot be done is answered with a status event
 * saying why (the tenant reads answers on the relay, never from the {@code OK} of its event).
 */
@Stateless
@Asynchronous
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComputeMarket {

  private static final System.Logger LOG = System.getLogger(ComputeMarket.class.getName());

  /** What a tenant without enough balance is told to do. */
  static final String DEPOSIT_INSTRUCTIONS =
      "Top up: link a wallet to this key's account (POST /api/account/keys), send USDC to the"
          + " address GET /api/account/deposit gives (both NIP-98 signed by this key), then accept"
          + " again.";

  @EJB ComputeJobs jobs;
  @EJB AttestationIntake attestations;

  /** A job request (kind 5900) whose content was read as {@code spec}. */
  public void onRequest(NostrEvent request, VmRequest spec) {
    try {
      jobs.bid(request, spec);
    } catch (RuntimeException e) {
      // Two servers handing over the same stored request (both found it unanswered on start):
      // the one whose job row lost the race has nothing to say; the winner's bids stand.
      if (jobs.isBidOn(request.id())) {
        LOG.log(System.Logger.Level.INFO, "job {0}: answered by another server", request.id());
      } else {
        refuseFor(request.id(), request.pubkey(), e);
      }
    }
  }

  /** A job request whose content is no valid VM spec. */
  public void onInvalidRequest(NostrEvent request, String why) {
    jobs.refuse(request.id(), request.pubkey(), JobStatus.ERROR, why);
  }

  /**
   * An acceptance (kind 5901): {@code specOf} reads the accepted request's content as a VM spec
   * (and throws {@link ComputeRefusal} when it cannot).
   */
  public void onAcceptance(NostrEvent acceptance, Function<String, VmRequest> specOf) {
    ComputeJobs.AcceptedBid bid;
    try {
      bid = jobs.acceptedBid(acceptance);
    } catch (ComputeRefusal e) {
      jobs.refuse(acceptance.id(), acceptance.pubkey(), JobStatus.ERROR, e.getMessage());
      return;
    }
    answering(
        bid.requestId(),
        acceptance.pubkey(),
        () -> jobs.accept(acceptance, bid, specOf.apply(bid.requestContent())));
  }

  /** Feedback (kind 7900) on a job. */
  public void onFeedback(NostrEvent feedback) {
    String job = feedback.tagValue("e").orElse(feedback.id());
    try {
      jobs.review(feedback);
    } catch (RuntimeException e) {
      // Two servers handing over the same stored feedback: the loser's review failed on the key.
      if (jobs.isReviewed(feedback)) {
        LOG.log(
            System.Logger.Level.INFO, "feedback {0}: reviewed by another server", feedback.id());
      } else {
        refuseFor(job, feedback.pubkey(), e);
      }
    }
  }

  /**
   * An attestation (kind 10033): kept if it is a valid one of a node here. Nothing is answered on
   * the relay (no tenant waits for it); what is not taken is logged.
   */
  public void onAttestation(NostrEvent attestation) {
    attestations
        .ingest(attestation)
        .ifPresent(
            why ->
                LOG.log(
                    System.Logger.Level.INFO,
                    "attestation {0} by {1} not taken: {2}",
                    attestation.id(),
                    attestation.pubkey(),
                    why));
  }

  /** A deletion (kind 5), which may withdraw its author's attestations. */
  public void onDeletion(NostrEvent deletion) {
    attestations.onDeletion(deletion);
  }

  private void answering(String requestId, String tenant, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      refuseFor(requestId, tenant, e);
    }
  }

  /** Answers the job with a status saying why {@code e} stopped the work on it. */
  private void refuseFor(String requestId, String tenant, RuntimeException e) {
    if (e instanceof PaymentRequiredException) {
      jobs.refuse(
          requestId,
          tenant,
          JobStatus.PAYMENT_REQUIRED,
          e.getMessage() + " " + DEPOSIT_INSTRUCTIONS);
    } else {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      LOG.log(System.Logger.Level.INFO, "job {0}: refused: {1}", requestId, cause.getMessage());
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      jobs.refuse(
          requestId,
          tenant,
          JobStatus.ERROR,
          cause instanceof ComputeRefusal ? message : "error: " + message);
    }
  }
}
