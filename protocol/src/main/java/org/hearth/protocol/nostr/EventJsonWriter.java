package org.hearth.protocol.nostr;

import java.util.List;

/**
 * Writes events as JavaScript's {@code JSON.stringify} does, so ids match nostr-tools and other
 * JavaScript clients byte for byte.
 *
 * <p>NIP-01 lists the escapes {@code \n \" \\ \r \t \b \f} and says all other characters go
 * verbatim. {@code JSON.stringify} also escapes the other control characters below U+0020, and
 * unpaired surrogates, as a backslash, {@code u} and four lowercase hex digits. Written raw they
 * would make invalid JSON or invalid UTF-8, so this writer does as {@code JSON.stringify} (and so
 * nostr-tools) does. DEL, U+2028, U+2029 and all other characters are written verbatim.
 */
final class EventJsonWriter {
  private EventJsonWriter() {}

  static String canonical(
      String pubkey, long createdAt, int kind, List<List<String>> tags, String content) {
    StringBuilder out = new StringBuilder(128 + content.length());
    out.append("[0,");
    string(out, pubkey);
    out.append(',').append(createdAt).append(',').append(kind).append(',');
    tags(out, tags);
    out.append(',');
    string(out, content);
    return out.append(']').toString();
  }

  static String event(NostrEvent event) {
    StringBuilder out = new StringBuilder(384 + event.content().length());
    out.append("{\"id\":");
    string(out, event.id());
    out.append(",\"pubkey\":");
    string(out, event.pubkey());
    out.append(",\"created_at\":").append(event.createdAt());
    out.append(",\"kind\":").append(event.kind());
    out.append(",\"tags\":");
    tags(out, event.tags());
    out.append(",\"content\":");
    string(out, event.content());
    out.append(",\"sig\":");
    string(out, event.sig());
    return out.append('}').toString();
  }

  private static void tags(StringBuilder out, List<List<String>> tags) {
    out.append('[');
    for (int i = 0; i < tags.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('[');
      List<String> tag = tags.get(i);
      for (int j = 0; j < tag.size(); j++) {
        if (j > 0) {
          out.append(',');
        }
        string(out, tag.get(j));
      }
      out.append(']');
    }
    out.append(']');
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || isUnpairedSurrogate(value, i)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isUnpairedSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(Character.forDigit((c >> shift) & 0xf, 16));
    }
  }
}
