package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hearth.protocol.nostr.NostrKeyPair;

/** A Nostr client of one relay, as a tenant's app would be: publishes, queries, waits for news. */
final class RelayPeer {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String url;

  RelayPeer(String url) {
    this.url = url;
  }

  /** A peer of Hearth's own relay at {@code base}. */
  static RelayPeer of(URL base) {
    return new RelayPeer(NostrRelayClient.relayUrl(base));
  }

  /** An event with content, signed now by nostr-tools. */
  static JsonNode event(NostrKeyPair key, int kind, List<List<String>> tags, String content)
      throws Exception {
    return HearthApi.JSON.readTree(
        NostrTools.event(key.secretKeyHex(), kind, tags, content, Instant.now().getEpochSecond()));
  }

  /** Publishes the event: {@code {id, ok, message}}. */
  JsonNode publish(JsonNode event) throws Exception {
    return NostrRelayClient.run(url, NostrRelayClient.publish(event)).get(0);
  }

  /** The stored events matching the filter, newest first. */
  List<JsonNode> query(String filter) throws Exception {
    JsonNode events =
        NostrRelayClient.run(url, NostrRelayClient.query(filter)).get(0).get("events");
    return HearthApi.JSON.convertValue(
        events,
        HearthApi.JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
  }

  /** Queries until an event matching the filter passes {@code wanted}, and returns it. */
  JsonNode await(String filter, Predicate<JsonNode> wanted, String what) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    List<JsonNode> last = List.of();
    while (Instant.now().isBefore(deadline)) {
      last = query(filter);
      for (JsonNode event : last) {
        if (wanted.test(event)) {
          return event;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no " + what + " within " + PATIENCE + "; last seen: " + last);
  }
}
