package org.hearth.application.nostr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * One NIP-01 filter: an event matches when it matches every condition given (an empty set or null
 * bound is no condition).
 *
 * @param ids exact event ids
 * @param authors exact author keys
 * @param kinds event kinds
 * @param tags per single-letter tag name, values of which the event must have one
 * @param since lowest {@code created_at}, or null
 * @param until highest {@code created_at}, or null
 * @param limit how many of the newest stored matches to send at most, or null
 */
public record RelayFilter(
    Set<String> ids,
    Set<String> authors,
    Set<Integer> kinds,
    Map<String, Set<String>> tags,
    Long since,
    Long until,
    Integer limit) {

  public RelayFilter {
    ids = Set.copyOf(ids);
    authors = Set.copyOf(authors);
    kinds = Set.copyOf(kinds);
    tags = Map.copyOf(tags);
  }

  public boolean matches(NostrEvent event) {
    if (!ids.isEmpty() && !ids.contains(event.id())) {
      return false;
    }
    if (!authors.isEmpty() && !authors.contains(event.pubkey())) {
      return false;
    }
    if (!kinds.isEmpty() && !kinds.contains(event.kind())) {
      return false;
    }
    if (since != null && event.createdAt() < since) {
      return false;
    }
    if (until != null && event.createdAt() > until) {
      return false;
    }
    for (Map.Entry<String, Set<String>> wanted : tags.entrySet()) {
      if (!hasTag(event.tags(), wanted.getKey(), wanted.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasTag(List<List<String>> tags, String name, Set<String> values) {
    for (List<String> tag : tags) {
      if (tag.size() >= 2 && tag.get(0).equals(name) && values.contains(tag.get(1))) {
        return true;
      }
    }
    return false;
  }
}
