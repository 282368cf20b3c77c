package org.hearth.interfaces.websocket.relay;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.nostr.RelaySettings;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.InvalidEventException;
import org.hearth.protocol.nostr.NostrEvent;

/** Parses client messages strictly, and says precisely what is wrong with a bad one. */
final class ClientMessages {

  /** Values in one list of a filter ({@code ids}, {@code authors}, {@code kinds}, a tag). */
  static final int MAX_FILTER_VALUES = 1000;

  /**
   * A message that cannot be acted on. {@code subscriptionId} (for CLOSED) or {@code eventId} (for
   * OK) is set when known; else the client gets a NOTICE.
   */
  static final class Invalid extends Exception {
    final String subscriptionId;
    final String eventId;

    Invalid(String message, String subscriptionId, String eventId) {
      super(message);
      this.subscriptionId = subscriptionId;
      this.eventId = eventId;
    }
  }

  private final RelaySettings limits;

  ClientMessages(RelaySettings limits) {
    this.limits = limits;
  }

  ClientMessage parse(String text) throws Invalid {
    JsonArray message;
    try {
      message = RelayConnection.JSON.createReader(new StringReader(text)).readArray();
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw new Invalid("invalid: a message must be a JSON array", null, null);
    }
    if (message.isEmpty() || message.get(0).getValueType() != JsonValue.ValueType.STRING) {
      throw new Invalid("invalid: a message starts with its type", null, null);
    }
    String type = message.getString(0);
    return switch (type) {
      case "EVENT" -> new ClientMessage.Publish(event(message));
      case "AUTH" -> new ClientMessage.Authenticate(event(message));
      case "REQ" -> subscribe(message);
      case "CLOSE" -> new ClientMessage.Close(subscriptionId(message));
      default -> throw new Invalid("invalid: unknown message type " + type, null, null);
    };
  }

  /** The event of an {@code EVENT} or {@code AUTH} message. */
  private static NostrEvent event(JsonArray message) throws Invalid {
    if (message.size() != 2 || message.get(1).getValueType() != JsonValue.ValueType.OBJECT) {
      throw new Invalid(
          "invalid: " + message.getString(0) + " carries one event object", null, null);
    }
    JsonObject event = message.getJsonObject(1);
    String id =
        event.get("id") instanceof JsonString s && Hex.isLowercaseHex(s.getString(), 32)
            ? s.getString()
            : null;
    try {
      return NostrEvent.fromJson(event.toString());
    } catch (InvalidEventException e) {
      throw new Invalid("invalid: " + e.getMessage(), null, id);
    }
  }

  private String subscriptionId(JsonArray message) throws Invalid {
    if (message.size() < 2 || message.get(1).getValueType() != JsonValue.ValueType.STRING) {
      throw new Invalid("invalid: a subscription id (a string) is required", null, null);
    }
    String id = message.getString(1);
    if (id.isEmpty() || id.length() > limits.maxSubidLength()) {
      throw new Invalid(
          "invalid: a subscription id has 1 to " + limits.maxSubidLength() + " characters",
          null,
          null);
    }
    return id;
  }

  private ClientMessage subscribe(JsonArray message) throws Invalid {
    String subscriptionId = subscriptionId(message);
    int count = message.size() - 2;
    if (count < 1) {
      throw new Invalid("invalid: REQ needs at least one filter", subscriptionId, null);
    }
    if (count > limits.maxFilters()) {
      throw new Invalid(
          "invalid: at most " + limits.maxFilters() + " filters per REQ", subscriptionId, null);
    }
    List<RelayFilter> filters = new ArrayList<>();
    for (int i = 2; i < message.size(); i++) {
      if (message.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Invalid("invalid: a filter is an object", subscriptionId, null);
      }
      try {
        filters.add(filter(message.getJsonObject(i)));
      } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
        throw new Invalid("invalid: " + e.getMessage(), subscriptionId, null);
      }
    }
    return new ClientMessage.Subscribe(subscriptionId, filters);
  }

  private static RelayFilter filter(JsonObject json) {
    Set<String> ids = Set.of();
    Set<String> authors = Set.of();
    Set<Integer> kinds = Set.of();
    Map<String, Set<String>> tags = new HashMap<>();
    Long since = null;
    Long until = null;
    Integer limit = null;
    for (Map.Entry<String, JsonValue> field : json.entrySet()) {
      String name = field.getKey();
      JsonValue value = field.getValue();
      switch (name) {
        case "ids" -> ids = hexes(name, value);
        case "authors" -> authors = hexes(name, value);
        case "kinds" -> kinds = kinds(value);
        case "since" -> since = integer(name, value);
        case "until" -> until = integer(name, value);
        case "limit" -> limit = Math.toIntExact(Math.min(integer(name, value), Integer.MAX_VALUE));
        default -> {
          if (name.length() == 2 && name.charAt(0) == '#') {
            tags.put(name.substring(1), strings(name, value));
          } else {
            throw new IllegalArgumentException("unknown filter field " + name);
          }
        }
      }
    }
    return new RelayFilter(ids, authors, kinds, tags, since, until, limit);
  }

  private static JsonArray list(String name, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException(name + " must be an array");
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > MAX_FILTER_VALUES) {
      throw new IllegalArgumentException(name + " has more than " + MAX_FILTER_VALUES + " values");
    }
    return array;
  }

  private static Set<String> strings(String name, JsonValue value) {
    Set<String> values = new HashSet<>();
    for (JsonValue v : list(name, value)) {
      if (!(v instanceof JsonString s)) {
        throw new IllegalArgumentException(name + " must hold strings");
      }
      values.add(s.getString());
    }
    return values;
  }

  private static Set<String> hexes(String name, JsonValue value) {
    Set<String> values = strings(name, value);
    for (String v : values) {
      if (!Hex.isLowercaseHex(v, 32)) {
        throw new IllegalArgumentException(name + " must hold 64 lowercase hex characters each");
      }
    }
    return values;
  }

  private static Set<Integer> kinds(JsonValue value) {
    Set<Integer> kinds = new HashSet<>();
    for (JsonValue v : list("kinds", value)) {
      long kind = integer("kinds", v);
      if (kind < 0 || kind > NostrEvent.MAX_KIND) {
        throw new IllegalArgumentException("kinds must be 0 to " + NostrEvent.MAX_KIND);
      }
      kinds.add((int) kind);
    }
    return kinds;
  }

  private static long integer(String name, JsonValue value) {
    if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
      throw new IllegalArgumentException(name + " must be a non-negative integer");
    }
    return n.longValueExact();
  }
}
