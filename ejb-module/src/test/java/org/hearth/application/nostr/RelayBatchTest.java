package org.hearth.application.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.application.FiredEvents;
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
  private final MemoryRelayStore store = new MemoryRelayStore();
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
}
