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

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(Map<String, String> map) {
    return JSON.toJson(new TreeMap<>(map == null ? Map.of() : map));
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    Map<String, String> map = new TreeMap<>();
    if (json != null && !json.isBlank()) {
      JSON.fromJson(json, Map.class).forEach((k, v) -> map.put((String) k, String.valueOf(v)));
    }
    return map;
  }
}
