package org.hearth.protocol.nostr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/** Strict JSON to {@link NostrEvent}: types are checked, nothing is coerced. */
final class EventJsonParser {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private EventJsonParser() {}

  static NostrEvent parse(String json) {
    if (json == null) {
      throw new InvalidEventException("event JSON is missing");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("event is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("event must be a JSON object");
    }
    return new NostrEvent(
        string(root, "id"),
        string(root, "pubkey"),
        createdAt(root),
        kind(root),
        tags(root),
        string(root, "content"),
        string(root, "sig"));
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null) {
      throw new InvalidEventException("event has no \"" + name + "\" field");
    }
    return value;
  }

  private static String string(JsonNode root, String name) {
    JsonNode value = field(root, name);
    if (!value.isTextual()) {
      throw new InvalidEventException("\"" + name + "\" must be a string");
    }
    return value.textValue();
  }

  private static long createdAt(JsonNode root) {
    JsonNode value = field(root, "created_at");
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidEventException("\"created_at\" must be an integer number of seconds");
    }
    return value.longValue();
  }

  private static int kind(JsonNode root) {
    JsonNode value = field(root, "kind");
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidEventException("\"kind\" must be an integer");
    }
    return value.intValue();
  }

  private static List<List<String>> tags(JsonNode root) {
    JsonNode value = field(root, "tags");
    if (!value.isArray()) {
      throw new InvalidEventException("\"tags\" must be an array");
    }
    List<List<String>> tags = new ArrayList<>(value.size());
    for (JsonNode tagNode : value) {
      if (!tagNode.isArray()) {
        throw new InvalidEventException("each tag must be an array of strings");
      }
      List<String> tag = new ArrayList<>(tagNode.size());
      for (JsonNode element : tagNode) {
        if (!element.isTextual()) {
          throw new InvalidEventException("each tag must be an array of strings");
        }
        tag.add(element.textValue());
      }
      tags.add(tag);
    }
    return tags;
  }
}
