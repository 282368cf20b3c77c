package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hearth.protocol.nostr.NostrKeyPair;

/** Hearth's relay as nostr-tools' own Relay client sees it (nostr-relay-client.mjs). */
final class NostrRelayClient {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String url;

  NostrRelayClient(URL base) {
    this.url = base.toString().replaceFirst("^http", "ws") + "relay";
  }

  /** Signs an event with nostr-tools. */
  static JsonNode event(NostrKeyPair key, int kind, List<List<String>> tags, String content)
      throws Exception {
    return HearthApi.JSON.readTree(
        NostrTools.event(key.secretKeyHex(), kind, tags, content, Instant.now().getEpochSecond()));
  }

  /** Publishes the event: {@code {id, ok, message}}. */
  JsonNode publish(JsonNode event) throws Exception {
    ObjectNode op = HearthApi.JSON.createObjectNode().put("op", "publish");
    op.set("event", event);
    return run(op).get(0);
  }

  /** The stored events matching the filter, newest first. */
  List<JsonNode> query(String filter) throws Exception {
    ObjectNode op = HearthApi.JSON.createObjectNode().put("op", "query");
    op.putArray("filters").add(HearthApi.JSON.readTree(filter));
    JsonNode events = run(op).get(0).get("events");
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

  private JsonNode run(ObjectNode... ops) throws Exception {
    ObjectNode script = HearthApi.JSON.createObjectNode().put("url", url);
    ArrayNode list = script.putArray("ops");
    for (ObjectNode op : ops) {
      list.add(op);
    }
    return HearthApi.JSON.readTree(
        NodeScript.run("nostr.tools.dir", "nostr-relay-client.mjs", script.toString()));
  }
}
