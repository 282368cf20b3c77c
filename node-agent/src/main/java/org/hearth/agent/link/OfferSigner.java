package org.hearth.agent.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * Signs the node's offer as the server composed it. The node's key signs only this: kind 31900,
 * addressed by the node's own id, so a server cannot make the node sign anything else in its name.
 */
final class OfferSigner {

  static final int OFFER_KIND = 31900;

  private final EventSigner signer;
  private final String nodeId;

  OfferSigner(NostrKeyPair key, String nodeId) {
    this.signer = new EventSigner(key);
    this.nodeId = nodeId;
  }

  /** The signed offer, or empty when its {@code d} tags are not exactly this node's id. */
  Optional<AgentMessage.SignedOffer> sign(AgentMessage.SignOffer offer) {
    List<String> addresses =
        offer.tags().stream()
            .filter(tag -> !tag.isEmpty() && tag.get(0).equals("d"))
            .map(tag -> tag.size() > 1 ? tag.get(1) : "")
            .toList();
    if (!addresses.equals(List.of(nodeId))) {
      return Optional.empty();
    }
    NostrEvent event =
        signer.sign(
            OFFER_KIND, offer.tags(), offer.content(), Instant.ofEpochSecond(offer.createdAt()));
    return Optional.of(new AgentMessage.SignedOffer(event.toJson()));
  }
}
