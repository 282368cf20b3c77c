package org.hearth.application.nostr;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.feed.FeedEntry;
import org.hearth.protocol.nostr.NostrEvent;

/** A {@link RelayStore} in memory: the parts that storing and querying events use. */
public final class MemoryRelayStore implements RelayStore {
  public final Map<String, NewEvent> events = new LinkedHashMap<>();
  public final Map<Target, Long> deletions = new LinkedHashMap<>();
  public int inserts;

  @Override
  public boolean exists(String eventId) {
    return events.containsKey(eventId);
  }

  @Override
  public List<Version> versions(String pubkey, int kind, String dTag) {
    return events.values().stream()
        .filter(
            e ->
                e.event().pubkey().equals(pubkey)
                    && e.event().kind() == kind
                    && e.dTag().equals(dTag))
        .map(e -> new Version(e.event().id(), e.event().createdAt()))
        .toList();
  }

  @Override
  public void delete(String eventId) {
    events.remove(eventId);
  }

  @Override
  public List<Boolean> insert(List<NewEvent> added) {
    inserts++;
    return added.stream().map(e -> events.putIfAbsent(e.event().id(), e) == null).toList();
  }

  @Override
  public int deleteByAuthor(String pubkey, List<String> eventIds) {
    int before = events.size();
    events
        .values()
        .removeIf(e -> e.event().pubkey().equals(pubkey) && eventIds.contains(e.event().id()));
    return before - events.size();
  }

  @Override
  public int deleteAddress(String pubkey, int kind, String dTag, long until) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void recordDeletion(String pubkey, String target, long deletedAt) {
    deletions.merge(new Target(pubkey, target), deletedAt, Math::max);
  }

  @Override
  public Optional<Long> deletedAt(String pubkey, String target) {
    return Optional.ofNullable(deletions.get(new Target(pubkey, target)));
  }

  @Override
  public Set<Target> deleted(Collection<Target> targets) {
    Set<Target> found = new HashSet<>(targets);
    found.retainAll(deletions.keySet());
    return found;
  }

  @Override
  public Map<String, List<String>> followLists() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Stored> query(RelayFilter filter, int limit, long now) {
    return events.values().stream()
        .filter(e -> e.expiresAt() == null || e.expiresAt() > now)
        .map(NewEvent::event)
        .filter(filter::matches)
        .sorted(Comparator.comparingLong(NostrEvent::createdAt).reversed())
        .limit(limit)
        .map(e -> new Stored(e.id(), e.createdAt(), e.toJson()))
        .toList();
  }

  @Override
  public long lastFeedSeq() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<FeedEntry<String>> feedAfter(long seq, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<FeedEntry<String>> feedAt(Collection<Long> seqs) {
    throw new UnsupportedOperationException();
  }
}
