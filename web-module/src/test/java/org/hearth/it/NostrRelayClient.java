package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * Sessions of nostr-tools' own {@code Relay} client against a relay ({@code
 * nostr-relay-client.mjs}): a script of ops run in order on one connection, one result per op.
 */
final class NostrRelayClient {

  private NostrRelayClient() {}

  /** The URL of Hearth's own relay on the server at {@code base}. */
  static String relayUrl(URL base) {
    return new HearthApi(base).url("relay").replaceFirst("^http", "ws");
  }

  /** Runs the ops on one connection to {@code url}. */
  static JsonNode run(String url, ObjectNode... ops) throws Exception {
    return run(script(url), ops);
  }

  /** Runs the ops on one connection to {@code url} made from a chosen loopback address. */
  static JsonNode runFrom(String localAddress, String url, ObjectNode... ops) throws Exception {
    return run(script(url).put("localAddress", localAddress), ops);
  }

  private static ObjectNode script(String url) {
    return HearthApi.JSON.createObjectNode().put("url", url);
  }

  private static JsonNode run(ObjectNode script, ObjectNode... ops) throws Exception {
    ArrayNode list = script.putArray("ops");
    for (ObjectNode op : ops) {
      list.add(op);
    }
    return HearthApi.JSON.readTree(
        NodeScript.run("nostr.tools.dir", "nostr-relay-client.mjs", script.toString()));
  }

  static ObjectNode publish(JsonNode event) {
    ObjectNode op = HearthApi.JSON.createObjectNode().put("op", "publish");
    op.set("event", event);
    return op;
  }

  /**
   * Publishes the events at once, without waiting for one's {@code OK} before the next; the op's
   * result is the first {@code returnAfter} answers, once they came.
   */
  static ObjectNode publishAll(List<JsonNode> events, int returnAfter) {
    ObjectNode op =
        HearthApi.JSON.createObjectNode().put("op", "publishAll").put("returnAfter", returnAfter);
    events.forEach(op.putArray("events")::add);
    return op;
  }

  static ObjectNode query(String... filters) throws Exception {
    ObjectNode op = HearthApi.JSON.createObjectNode().put("op", "query");
    ArrayNode list = op.putArray("filters");
    for (String f : filters) {
      list.add(HearthApi.JSON.readTree(f));
    }
    return op;
  }

  /** NIP-42 authentication with the key; the op's optional fields spoil the AUTH event. */
  static ObjectNode auth(NostrKeyPair key) {
    return HearthApi.JSON.createObjectNode().put("op", "auth").put("secretKey", key.secretKeyHex());
  }

  /** An event signed by nostr-tools. */
  static JsonNode event(NostrKeyPair key, int kind, List<List<String>> tags, long at)
      throws Exception {
    return HearthApi.JSON.readTree(NostrTools.event(key.secretKeyHex(), kind, tags, at));
  }

  /** The ids of a query's events, in the order served. */
  static List<String> ids(JsonNode queryResult) {
    List<String> ids = new ArrayList<>();
    queryResult.get("events").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }
}
