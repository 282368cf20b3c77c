package org.hearth.application.compute;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.application.nostr.Relay;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;

/** Signs the marketplace's events with its key and publishes them on the embedded relay. */
@Stateless
public class MarketEvents {

  private static final System.Logger LOG = System.getLogger(MarketEvents.class.getName());

  @Inject MarketplaceKey key;
  @Inject Relay relay;
  @Inject Clock clock;

  /**
   * A job result (kind 6900) for the request {@code requestId} of {@code tenant}: its status tag,
   * any further tags, and {@code content} as JSON.
   */
  public NostrEvent jobResult(
      String requestId,
      String tenant,
      JobStatus status,
      List<List<String>> moreTags,
      JsonObject content) {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of("e", requestId));
    tags.add(List.of("p", tenant));
    tags.add(List.of("status", status.tag()));
    tags.addAll(moreTags);
    return publish(ComputeKinds.JOB_RESULT, tags, content.toString());
  }

  /**
   * A review, as feedback (kind 7900) the marketplace vouches for, dated {@code madeAt}: signed but
   * not published, so that the same review always makes the same event (the same id).
   */
  public NostrEvent feedback(List<List<String>> tags, String comment, Instant madeAt) {
    return new EventSigner(key.pair()).sign(ComputeKinds.FEEDBACK, tags, comment, madeAt);
  }

  /** The marketplace's compute capabilities (kind 10032, replaceable): what it rents, and how. */
  public NostrEvent capabilities(List<List<String>> tags, JsonObject content) {
    return publish(ComputeKinds.CAPABILITIES, tags, content.toString());
  }

  private NostrEvent publish(int kind, List<List<String>> tags, String content) {
    NostrEvent event = new EventSigner(key.pair()).sign(kind, tags, content, clock.instant());
    publish(event);
    return event;
  }

  /** Publishes an event the marketplace signed; one the relay has already is dropped there. */
  public void publish(NostrEvent event) {
    Relay.Verdict verdict = relay.publishProven(event);
    if (!verdict.accepted()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "The relay refused the marketplace's event {0}: {1}",
          event.id(),
          verdict.message());
    }
  }
}
