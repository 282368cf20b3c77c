package org.hearth.agent.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a properties file. Every error names the key and the offending value, and keys
 * nobody asked for are reported, so a typo never silently falls back to a default.
 */
final class Settings {
  private final Properties properties;
  private final Set<String> read = new HashSet<>();

  Settings(Properties properties) {
    this.properties = properties;
  }

  /** The trimmed value, or {@code defaultValue} when the key is absent or blank. */
  String string(String key, String defaultValue) {
    read.add(key);
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  long wholeNumber(String key, long defaultValue, long min) throws ConfigException {
    return wholeNumber(key, defaultValue, min, Long.MAX_VALUE);
  }

  int integer(String key, int defaultValue, int min) throws ConfigException {
    return (int) wholeNumber(key, defaultValue, min, Integer.MAX_VALUE);
  }

  private long wholeNumber(String key, long defaultValue, long min, long max)
      throws ConfigException {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    String expected =
        max == Long.MAX_VALUE
            ? "a whole number of at least " + min
            : "a whole number from " + min + " to " + max;
    try {
      long number = Long.parseLong(value);
      if (number < min || number > max) {
        throw invalid(key, value, expected);
      }
      return number;
    } catch (NumberFormatException e) {
      throw invalid(key, value, expected);
    }
  }

  boolean flag(String key, boolean defaultValue) throws ConfigException {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  /** A comma-separated list, entries trimmed, empty entries dropped. */
  List<String> list(String key, String defaultValue) {
    return Arrays.stream(string(key, defaultValue).split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  /** Like {@link #list} but at least one entry. */
  List<String> nonEmptyList(String key, String defaultValue) throws ConfigException {
    List<String> entries = list(key, defaultValue);
    if (entries.isEmpty()) {
      throw new ConfigException(key + ": needs at least one entry");
    }
    return entries;
  }

  /** Fails on keys that no getter read, which are typos or settings this agent does not know. */
  void rejectUnknownKeys() throws ConfigException {
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown setting(s): " + String.join(", ", unknown));
    }
  }

  static ConfigException invalid(String key, String value, String expected) {
    return new ConfigException(key + ": expected " + expected + ", got '" + value + "'");
  }
}
