package org.hearth.application.nostr;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.feed.FeedSource;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Where the relay's events are kept; every call runs in the caller's transaction. Its feed (see
 * {@link RelayFeed}) hands on the JSON of the events the other servers stored.
 */
public interface RelayStore extends FeedSource<String> {

  /** An event as stored: its id and time. */
  record Version(String id, long createdAt) {}

  /** An event as served: its id, time and JSON. */
  record Stored(String id, long createdAt, String json) {}

  /** An event to store: its {@code d} tag if addressable (else ''), NIP-40 expiry or null. */
  record NewEvent(NostrEvent event, String dTag, Long expiresAt) {}

  /** Something an author may have deleted (NIP-09): an event id or an address. */
  record Target(String pubkey, String target) {}

  boolean exists(String eventId);

  /** The stored versions of a replaceable or addressable event ({@code dTag} '' if none). */
  List<Version> versions(String pubkey, int kind, String dTag);

  void delete(String eventId);

  /**
   * Stores the events with their single-letter tags, each unless one with its id is stored already
   * (or earlier in the list).
   *
   * @return for each event, in order, whether it was stored
   */
  List<Boolean> insert(List<NewEvent> events);

  /** Deletes the author's events with these ids; returns how many. */
  int deleteByAuthor(String pubkey, List<String> eventIds);

  /** Deletes the author's versions of an address created up to {@code until}. */
  int deleteAddress(String pubkey, int kind, String dTag, long until);

  /** Remembers that the author deleted {@code target} (an event id or an address) at a time. */
  void recordDeletion(String pubkey, String target, long deletedAt);

  /** When the author deleted {@code target}, if ever. */
  Optional<Long> deletedAt(String pubkey, String target);

  /** Which of these targets their authors deleted. */
  Set<Target> deleted(Collection<Target> targets);

  /** Every stored follow list (kind 3): each author's followed keys ({@code p} tags). */
  Map<String, List<String>> followLists();

  /** Stored, unexpired events matching the filter, newest first, at most {@code limit}. */
  List<Stored> query(RelayFilter filter, int limit, long now);
}
