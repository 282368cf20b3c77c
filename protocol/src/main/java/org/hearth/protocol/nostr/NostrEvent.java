package org.hearth.protocol.nostr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Nostr event (NIP-01). Construction checks the form of every field, not the id or the signature:
 * see {@link EventVerifier} for that.
 *
 * @param id lowercase hex SHA-256 of {@link #canonicalJson()}
 * @param pubkey the author's x-only public key, 64 lowercase hex characters
 * @param createdAt unix time in seconds, 0 to {@link #MAX_CREATED_AT}
 * @param kind 0 to 65535
 * @param tags arrays of strings; stored as an immutable copy
 * @param content any string
 * @param sig BIP-340 signature of the id, 128 lowercase hex characters
 * @throws InvalidEventException if a field is missing or malformed
 */
public record NostrEvent(
    String id,
    String pubkey,
    long createdAt,
    int kind,
    List<List<String>> tags,
    String content,
    String sig) {

  public static final int MAX_KIND = 65535;

  /**
   * JavaScript's largest safe integer: beyond it JavaScript clients would hash other digits, and it
   * keeps every {@code created_at} within {@link java.time.Instant}'s range.
   */
  public static final long MAX_CREATED_AT = (1L << 53) - 1;

  public NostrEvent {
    requireHex("id", id, 32);
    requireHex("pubkey", pubkey, 32);
    requireHex("sig", sig, 64);
    if (createdAt < 0 || createdAt > MAX_CREATED_AT) {
      throw new InvalidEventException(
          "created_at must be between 0 and " + MAX_CREATED_AT + ": " + createdAt);
    }
    if (kind < 0 || kind > MAX_KIND) {
      throw new InvalidEventException("kind must be between 0 and " + MAX_KIND + ": " + kind);
    }
    tags = copyTags(tags);
    if (content == null) {
      throw new InvalidEventException("content is missing");
    }
  }

  /**
   * Parses an event strictly: every NIP-01 field must be present with its JSON type, numbers must
   * be integers, and duplicate keys or trailing data are refused. Unknown fields are ignored, as
   * nostr-tools ignores them.
   *
   * @throws InvalidEventException naming the first problem found
   */
  public static NostrEvent fromJson(String json) {
    return EventJsonParser.parse(json);
  }

  /** The event as a JSON object, written as JavaScript's {@code JSON.stringify} would. */
  public String toJson() {
    return EventJsonWriter.event(this);
  }

  /**
   * The NIP-01 serialization {@code [0,pubkey,created_at,kind,tags,content]} that the id hashes.
   */
  public String canonicalJson() {
    return EventJsonWriter.canonical(pubkey, createdAt, kind, tags, content);
  }

  /** The value of the first {@code name} tag that has one. */
  public Optional<String> tagValue(String name) {
    return tagValues(name).stream().findFirst();
  }

  /** The value of the event's only tag with this name; empty if it has none or several. */
  public Optional<String> singleTag(String name) {
    List<String> values = tagValues(name);
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /** The values of every {@code name} tag, in order. */
  public List<String> tagValues(String name) {
    List<String> values = new ArrayList<>();
    for (List<String> tag : tags) {
      if (tag.size() >= 2 && tag.get(0).equals(name)) {
        values.add(tag.get(1));
      }
    }
    return values;
  }

  /** The id these fields should have, whatever {@link #id()} says. */
  public String computeId() {
    return Sha256.hex(canonicalJson().getBytes(StandardCharsets.UTF_8));
  }

  private static void requireHex(String field, String value, int byteLength) {
    if (value == null) {
      throw new InvalidEventException(field + " is missing");
    }
    if (!Hex.isLowercaseHex(value, byteLength)) {
      throw new InvalidEventException(
          field + " must be " + byteLength * 2 + " lowercase hex characters");
    }
  }

  private static List<List<String>> copyTags(List<List<String>> tags) {
    if (tags == null) {
      throw new InvalidEventException("tags are missing");
    }
    for (List<String> tag : tags) {
      if (tag == null || tag.stream().anyMatch(Objects::isNull)) {
        throw new InvalidEventException("tags must be arrays of strings");
      }
    }
    return tags.stream().<List<String>>map(List::copyOf).toList();
  }
}
