package org.hearth.application.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.application.FiredEvents;
import org.hearth.application.feed.FeedEntry;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Relay#storeAdmitted}: a batch ends as if its events had been stored one by one. */
class RelayBatchTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private final EventSigner alice = new EventSigner(NostrKeyPair.generate());
  private final EventSigner bob = new EventSigner(NostrKeyPair.generate());
  private final MemoryStore store = new MemoryStore();
  private final List<String> announced = new ArrayList<>();
  private final Relay relay = new Relay();

  @BeforeEach
  void wire() {
    relay.store = store;
    relay.accepted = new FiredEvents<>(fired -> announced.add(fired.event().id()));
  }

  private NostrEvent note(EventSigner author, String text) {
    return author.sign(1, List.of(List.of("t", "hearth")), text, NOW);
  }

  private NostrEvent deletion(EventSigner author, NostrEvent target) {
    return author.sign(EventKinds.DELETION, List.of(List.of("e", target.id())), "", NOW);
  }

  private static List<String> messages(List<Relay.Verdict> verdicts) {
    return verdicts.stream().map(v -> v.accepted() + " " + v.message()).toList();
  }

  @Test
  void aRunOfRegularEventsIsStoredWithOneInsertAndDuplicatesAreToldApart() {
    NostrEvent stored = note(alice, "stored before");
    relay.storeAdmitted(List.of(stored));
    announced.clear();
    store.inserts = 0;
    NostrEvent first = note(alice, "first");
    NostrEvent second = note(bob, "second");

    List<Relay.Verdict> verdicts = relay.storeAdmitted(List.of(first, stored, second, first));

    assertEquals(
        List.of(
            "true ",
            "true duplicate: already have this event",
            "true ",
            "true duplicate: already have this event"),
        messages(verdicts));
    assertEquals(1, store.inserts);
    assertEquals(Set.of(stored.id(), first.id(), second.id()), store.events.keySet());
    assertEquals(List.of(first.id(), second.id()), announced);
  }

  @Test
  void aDeletionInTheBatchAppliesToWhatCameBeforeAndBlocksWhatComesAfter() {
    NostrEvent early = note(alice, "early");
    NostrEvent late = note(alice, "late");
    NostrEvent deleteEarly = deletion(alice, early);
    NostrEvent deleteLate = deletion(alice, late);
    NostrEvent bobs = note(bob, "not alice's to delete");
    NostrEvent deleteBobs = deletion(alice, bobs);

    List<Relay.Verdict> verdicts =
        relay.storeAdmitted(
            List.of(early, bobs, deleteEarly, deleteLate, deleteBobs, late, early, bobs));

    assertEquals(
        List.of(
            "true ",
            "true ",
            "true ",
            "true ",
            "true ",
            "false blocked: its author deleted this event",
            "false blocked: its author deleted this event",
            "true duplicate: already have this event"),
        messages(verdicts));
    assertEquals(
        Set.of(bobs.id(), deleteEarly.id(), deleteLate.id(), deleteBobs.id()),
        store.events.keySet());
    assertEquals(
        List.of(early.id(), bobs.id(), deleteEarly.id(), deleteLate.id(), deleteBobs.id()),
        announced);
  }

  @Test
  void replaceableEventsBetweenRunsKeepTheirOrder() {
    NostrEvent before = note(alice, "before");
    NostrEvent profile = alice.sign(0, List.of(), "{\"name\":\"alice\"}", NOW);
    NostrEvent after = note(bob, "after");

    List<Relay.Verdict> verdicts = relay.storeAdmitted(List.of(before, profile, after));

    assertEquals(List.of("true ", "true ", "true "), messages(verdicts));
    assertEquals(3, store.inserts);
    assertEquals(List.of(before.id(), profile.id(), after.id()), announced);
  }

  /** The parts of a relay store that storing events uses, in memory. */
  private static final class MemoryStore implements RelayStore {
    final Map<String, NewEvent> events = new LinkedHashMap<>();
    final Map<Target, Long> deletions = new LinkedHashMap<>();
    int inserts;

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
      throw new UnsupportedOperationException();
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
}
