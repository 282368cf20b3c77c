package org.hearth.domain.persistence;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Stores a string-to-string map (a VM's environment) as a JSON object. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

  /** Made on first use, so that {@link #maxStoredLength} needs no JSON-B provider. */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  @Override
  public String convertToDatabaseColumn(Map<String, String> map) {
    return Json.JSONB.toJson(new TreeMap<>(map == null ? Map.of() : map));
  }

  /**
   * At least as many characters as the map takes stored: {@code {"k":"v",...}}, each quote and
   * backslash escaped with one more character and each control character counted as a six-character
   * unicode escape.
   */
  public static int maxStoredLength(Map<String, String> map) {
    int length = 2 + Math.max(0, map.size() - 1);
    for (Map.Entry<String, String> entry : map.entrySet()) {
      length += quotedLength(entry.getKey()) + 1 + quotedLength(entry.getValue());
    }
    return length;
  }

  private static int quotedLength(String s) {
    int length = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : 1;
    }
    return length;
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    Map<String, String> map = new TreeMap<>();
    if (json != null && !json.isBlank()) {
      Json.JSONB
          .fromJson(json, Map.class)
          .forEach((k, v) -> map.put((String) k, String.valueOf(v)));
    }
    return map;
  }
}
