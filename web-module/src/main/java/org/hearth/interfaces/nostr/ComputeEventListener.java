package org.hearth.interfaces.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.hearth.application.compute.ComputeKinds;
import org.hearth.application.compute.ComputeMarket;
import org.hearth.application.compute.ComputeRefusal;
import org.hearth.application.compute.MarketplaceKey;
import org.hearth.application.compute.UnansweredJobs;
import org.hearth.application.nostr.EventAccepted;
import org.hearth.application.nostr.EventKinds;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The compute market's Nostr interface: job requests, bid acceptances and feedback stored by the
 * relay are handed to the market (which answers on the relay), as REST requests are to resources;
 * nodes' attestations, and deletions that may withdraw them, too. A starting server hands over
 * again the requests, acceptances and feedback stored before it stopped that were never answered.
 */
@ApplicationScoped
public class ComputeEventListener {

  private static final System.Logger LOG = System.getLogger(ComputeEventListener.class.getName());

  @Inject ComputeMarket market;
  @Inject MarketplaceKey key;
  @Inject JobSpecReader specs;
  @Inject UnansweredJobs unanswered;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    try {
      List<NostrEvent> events = unanswered.find();
      if (!events.isEmpty()) {
        LOG.log(
            System.Logger.Level.INFO,
            "{0} job requests, acceptances and feedback stored before the last stop were never"
                + " answered: handing them to the market",
            events.size());
      }
      events.forEach(this::handOver);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unanswered job events not looked for", e);
    }
  }

  void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventAccepted accepted) {
    NostrEvent event = accepted.event();
    if (!event.pubkey().equals(key.publicKeyHex())) {
      handOver(event);
    }
  }

  private void handOver(NostrEvent event) {
    switch (event.kind()) {
      case ComputeKinds.JOB_REQUEST:
        onRequest(event);
        break;
      case ComputeKinds.BID_ACCEPTANCE:
        market.onAcceptance(event, specs::read);
        break;
      case ComputeKinds.FEEDBACK:
        market.onFeedback(event);
        break;
      case ComputeKinds.ATTESTATION:
        market.onAttestation(event);
        break;
      case EventKinds.DELETION:
        market.onDeletion(event);
        break;
      default:
        break;
    }
  }

  private void onRequest(NostrEvent request) {
    try {
      market.onRequest(request, specs.read(request.content()));
    } catch (ComputeRefusal e) {
      market.onInvalidRequest(request, e.getMessage());
    }
  }
}
