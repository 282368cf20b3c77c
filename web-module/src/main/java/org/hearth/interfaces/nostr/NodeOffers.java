package org.hearth.interfaces.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.application.compute.ComputeKinds;
import org.hearth.application.market.MarketNode;
import org.hearth.application.market.MarketView;
import org.hearth.application.nostr.Relay;
import org.hearth.application.reputation.Attestations;
import org.hearth.interfaces.rest.market.NodeCard;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.nostr.InvalidEventException;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Providers' offers (kind 31900, docs/nip-compute.md): composed here from the node's marketplace
 * card, signed by the node's agent with the node's own key, and published on the relay.
 */
@ApplicationScoped
public class NodeOffers {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject MarketView market;
  @Inject Relay relay;
  @Inject Attestations attestations;
  @Inject Clock clock;

  /** The node's offer for its agent to sign, or empty while the marketplace does not list it. */
  public Optional<AgentMessage.SignOffer> toSign(String nodeId) {
    return market.get(nodeId).map(this::offer);
  }

  private AgentMessage.SignOffer offer(MarketNode node) {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of("d", node.id()));
    if (node.region() != null) {
      tags.add(List.of("region", node.region()));
    }
    node.tags().stream().sorted().forEach(t -> tags.add(List.of("t", t)));
    tags.add(List.of("price", Long.toString(node.pricePerPointHour()), "point-hour"));
    attestations
        .current(node.id())
        .ifPresent(a -> tags.add(List.of("tee", a.tee().tag(), a.byNode() ? "node" : "attester")));
    String content = JSONB.toJson(NodeCard.of(node, clock.instant()));
    return new AgentMessage.SignOffer(clock.instant().getEpochSecond(), tags, content);
  }

  /**
   * Publishes an offer the agent of {@code nodeId}, proven to hold {@code pubkey}, signed.
   *
   * @return the relay's verdict, or a refusal when it is not that node's offer
   */
  public Relay.Verdict publish(String nodeId, String pubkey, AgentMessage.SignedOffer signed) {
    NostrEvent event;
    try {
      event = NostrEvent.fromJson(signed.event());
    } catch (InvalidEventException e) {
      return new Relay.Verdict(false, "invalid: " + e.getMessage());
    }
    if (event.kind() != ComputeKinds.OFFER
        || !event.pubkey().equals(pubkey)
        || !event.tagValues("d").equals(List.of(nodeId))) {
      return new Relay.Verdict(false, "invalid: not this node's offer");
    }
    return relay.publishProven(event);
  }
}
