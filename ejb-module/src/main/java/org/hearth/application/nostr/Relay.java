package org.hearth.application.nostr;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The embedded Nostr relay's rules (NIP-01, 09, 40, 42): which events it accepts and keeps, from
 * whom, and which it serves for a set of filters. Accepted events are announced ({@link
 * EventAccepted}) after the transaction commits, for live delivery.
 */
@Stateless
public class Relay {

  @Inject RelayStore store;
  @Inject RelaySettings settings;
  @Inject RelayAdmission admission;
  @Inject Event<EventAccepted> accepted;
  @Inject Clock clock;

  /** What the relay says to an {@code EVENT}: NIP-01's OK, with a machine-readable prefix. */
  public record Verdict(boolean accepted, String message) {
    static Verdict ok(String message) {
      return new Verdict(true, message);
    }

    static Verdict refused(String message) {
      return new Verdict(false, message);
    }
  }

  /** An author's write budget. */
  @FunctionalInterface
  public interface AuthorBudget {
    /** Takes one event from the author's budget; the refusal ({@code rate-limited:}) if spent. */
    Optional<String> take(String pubkey);

    /** No limit: for events the server publishes itself. */
    AuthorBudget UNLIMITED = pubkey -> Optional.empty();
  }

  /**
   * Publishes an event whose author the server has proven itself (the marketplace's own, or a
   * node's signed by its agent on the agent link), unlimited.
   */
  public Verdict publishProven(NostrEvent event) {
    return admission
        .refusal(event, Set.of(event.pubkey()), AuthorBudget.UNLIMITED)
        .orElseGet(() -> store(event, true));
  }

  /**
   * NIP-42: checks a connection's {@code AUTH} event; once accepted, its key is authenticated on
   * that connection.
   *
   * @param challenge the challenge the connection was sent
   * @param relayUrl this relay's public URL
   */
  public Verdict authenticate(NostrEvent event, String challenge, String relayUrl) {
    return new RelayAuthCheck(settings.authWindow())
        .check(event, challenge, relayUrl, clock.instant());
  }

  /**
   * @param authenticated the keys the publishing connection has authenticated (NIP-42)
   * @param budget the author's write budget, spent only by valid events
   */
  public Verdict publish(NostrEvent event, Set<String> authenticated, AuthorBudget budget) {
    return admission.refusal(event, authenticated, budget).orElseGet(() -> store(event, false));
  }

  /**
   * Stores events that {@link RelayAdmission} let in, all in this one transaction (group commit):
   * one verdict per event, in order. An event may be refused here still (a duplicate, a deleted
   * one, an older version of a replaceable one).
   */
  public List<Verdict> storeAdmitted(List<NostrEvent> events) {
    List<Verdict> verdicts = new ArrayList<>(events.size());
    int next = 0;
    while (next < events.size()) {
      int end = next;
      while (end < events.size() && plain(events.get(end))) {
        end++;
      }
      if (end > next) {
        verdicts.addAll(storePlain(events.subList(next, end)));
        next = end;
      } else {
        verdicts.add(store(events.get(next++), false));
      }
    }
    return verdicts;
  }

  /** A regular event that deletes nothing: stored unless known or deleted, whatever else is. */
  private static boolean plain(NostrEvent event) {
    return EventKinds.of(event.kind()) == EventKinds.REGULAR && event.kind() != EventKinds.DELETION;
  }

  /**
   * Stores a run of plain events as {@link #store} would one by one, with two statements for all of
   * them: which their authors deleted, then the inserts of the others (a known id is skipped).
   */
  private List<Verdict> storePlain(List<NostrEvent> events) {
    Set<RelayStore.Target> deleted =
        store.deleted(events.stream().map(e -> new RelayStore.Target(e.pubkey(), e.id())).toList());
    List<RelayStore.NewEvent> candidates = new ArrayList<>();
    for (NostrEvent event : events) {
      if (!deleted.contains(new RelayStore.Target(event.pubkey(), event.id()))) {
        candidates.add(new RelayStore.NewEvent(event, "", RelayAdmission.expiration(event)));
      }
    }
    List<Boolean> stored = store.insert(candidates);
    List<Verdict> verdicts = new ArrayList<>(events.size());
    int candidate = 0;
    for (NostrEvent event : events) {
      if (deleted.contains(new RelayStore.Target(event.pubkey(), event.id()))) {
        verdicts.add(Verdict.refused("blocked: its author deleted this event"));
      } else if (stored.get(candidate++)) {
        accepted.fire(new EventAccepted(event, event.toJson(), false));
        verdicts.add(Verdict.ok(""));
      } else {
        verdicts.add(Verdict.ok("duplicate: already have this event"));
      }
    }
    return verdicts;
  }

  private Verdict store(NostrEvent event, boolean ours) {
    EventKinds kind = EventKinds.of(event.kind());
    if (kind == EventKinds.EPHEMERAL) {
      accepted.fire(new EventAccepted(event, event.toJson(), ours));
      return Verdict.ok("");
    }
    if (store.exists(event.id())) {
      return Verdict.ok("duplicate: already have this event");
    }
    String dTag = kind == EventKinds.ADDRESSABLE ? event.tagValue("d").orElse("") : "";
    if (deletedBefore(event, dTag)) {
      return Verdict.refused("blocked: its author deleted this event");
    }
    if (kind == EventKinds.REPLACEABLE || kind == EventKinds.ADDRESSABLE) {
      for (RelayStore.Version stored : store.versions(event.pubkey(), event.kind(), dTag)) {
        if (newer(stored, event)) {
          return Verdict.ok("duplicate: a newer version is stored");
        }
        store.delete(stored.id());
      }
    }
    if (!store
        .insert(List.of(new RelayStore.NewEvent(event, dTag, RelayAdmission.expiration(event))))
        .get(0)) {
      return Verdict.ok("duplicate: already have this event"); // stored meanwhile by another
    }
    if (event.kind() == EventKinds.DELETION) {
      delete(event);
    }
    accepted.fire(new EventAccepted(event, event.toJson(), ours));
    return Verdict.ok("");
  }

  /** The stored events matching any filter, newest first, each filter capped at its limit. */
  public List<RelayStore.Stored> query(List<RelayFilter> filters) {
    long now = clock.instant().getEpochSecond();
    Set<String> seen = new HashSet<>();
    List<RelayStore.Stored> events = new ArrayList<>();
    for (RelayFilter filter : filters) {
      int limit =
          filter.limit() == null
              ? settings.maxLimit()
              : Math.max(0, Math.min(filter.limit(), settings.maxLimit()));
      if (limit == 0) {
        continue;
      }
      for (RelayStore.Stored e : store.query(filter, limit, now)) {
        if (seen.add(e.id())) {
          events.add(e);
        }
      }
    }
    events.sort(
        Comparator.comparingLong(RelayStore.Stored::createdAt)
            .reversed()
            .thenComparing(RelayStore.Stored::id));
    return events;
  }

  /** NIP-09: the author's events named by {@code e} tags, and addresses named by {@code a} tags. */
  private void delete(NostrEvent deletion) {
    String author = deletion.pubkey();
    List<String> ids = new ArrayList<>();
    for (List<String> tag : deletion.tags()) {
      if (tag.size() < 2) {
        continue;
      }
      if (tag.get(0).equals("e")) {
        ids.add(tag.get(1));
        store.recordDeletion(author, tag.get(1), deletion.createdAt());
      } else if (tag.get(0).equals("a")) {
        Address.parse(tag.get(1))
            .filter(a -> a.pubkey().equals(author))
            .ifPresent(
                a -> {
                  store.deleteAddress(author, a.kind(), a.dTag(), deletion.createdAt());
                  store.recordDeletion(author, a.toString(), deletion.createdAt());
                });
      }
    }
    if (!ids.isEmpty()) {
      store.deleteByAuthor(author, ids);
    }
  }

  private boolean deletedBefore(NostrEvent event, String dTag) {
    if (store.deletedAt(event.pubkey(), event.id()).isPresent()) {
      return true;
    }
    EventKinds kind = EventKinds.of(event.kind());
    if (kind != EventKinds.ADDRESSABLE && kind != EventKinds.REPLACEABLE) {
      return false;
    }
    String address = new Address(event.kind(), event.pubkey(), dTag).toString();
    return store
        .deletedAt(event.pubkey(), address)
        .filter(at -> event.createdAt() <= at)
        .isPresent();
  }

  /** NIP-01: the later one wins; at the same second, the lower id. */
  private static boolean newer(RelayStore.Version stored, NostrEvent event) {
    return stored.createdAt() > event.createdAt()
        || (stored.createdAt() == event.createdAt() && stored.id().compareTo(event.id()) <= 0);
  }

  /** An addressable (or replaceable) event's address, {@code kind:pubkey:d}. */
  record Address(int kind, String pubkey, String dTag) {
    static Optional<Address> parse(String value) {
      String[] parts = value.split(":", 3);
      if (parts.length < 2) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Address(Integer.parseInt(parts[0]), parts[1], parts.length == 3 ? parts[2] : ""));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return kind + ":" + pubkey + ":" + dTag;
    }
  }
}
