package org.hearth.interfaces.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.hearth.application.compute.ComputeKinds;
import org.hearth.application.compute.ComputeMarket;
import org.hearth.application.compute.ComputeRefusal;
import org.hearth.application.compute.MarketplaceKey;
import org.hearth.application.nostr.EventAccepted;
import org.hearth.application.nostr.EventKinds;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The compute market's Nostr interface: job requests, bid acceptances and feedback stored by the
 * relay are handed to the market (which answers on the relay), as REST requests are to resources;
 * nodes' attestations, and deletions that may withdraw them, too.
 */
@ApplicationScoped
public class ComputeEventListener {

  @Inject ComputeMarket market;
  @Inject MarketplaceKey key;
  @Inject JobSpecReader specs;

  void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventAccepted accepted) {
    NostrEvent event = accepted.event();
    if (event.pubkey().equals(key.publicKeyHex())) {
      return;
    }
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
