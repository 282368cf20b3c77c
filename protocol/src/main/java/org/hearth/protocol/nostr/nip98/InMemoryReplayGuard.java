package org.hearth.protocol.nostr.nip98;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A {@link ReplayGuard} in memory, for the node agent and tests; the server keeps used ids in its
 * database instead. Ids are forgotten once expired. When full of unexpired ids it refuses new ones
 * (fails closed) rather than forget an id that could still be replayed.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private record Use(String eventId, Instant expiresAt) {}

  private final int capacity;
  private final Clock clock;
  private final Set<String> usedIds = new HashSet<>();
  private final PriorityQueue<Use> byExpiry =
      new PriorityQueue<>(Comparator.comparing(Use::expiresAt));

  /** A guard holding at most {@code capacity} unexpired ids, on the system clock. */
  public InMemoryReplayGuard(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  public InMemoryReplayGuard(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public synchronized boolean firstUse(String eventId, Instant expiresAt) {
    forgetExpired(clock.instant());
    if (usedIds.contains(eventId) || usedIds.size() >= capacity) {
      return false;
    }
    usedIds.add(eventId);
    byExpiry.add(new Use(eventId, expiresAt));
    return true;
  }

  private void forgetExpired(Instant now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt().isBefore(now)) {
      usedIds.remove(byExpiry.poll().eventId());
    }
  }
}
