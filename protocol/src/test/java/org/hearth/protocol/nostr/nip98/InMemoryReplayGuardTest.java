package org.hearth.protocol.nostr.nip98;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final SettableClock clock = new SettableClock(T0);

  @Test
  void acceptsEachIdOnce() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard(10, clock);
    assertTrue(guard.firstUse("a", T0.plusSeconds(60)));
    assertTrue(guard.firstUse("b", T0.plusSeconds(60)));
    assertFalse(guard.firstUse("a", T0.plusSeconds(60)));
  }

  @Test
  void remembersAnIdUntilItExpires() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard(10, clock);
    guard.firstUse("a", T0.plusSeconds(60));
    clock.now = T0.plusSeconds(60);
    assertFalse(guard.firstUse("a", T0.plusSeconds(60)));
    clock.now = T0.plusSeconds(61);
    assertTrue(guard.firstUse("a", T0.plusSeconds(121)));
  }

  @Test
  void refusesNewIdsWhenFullOfUnexpiredOnes() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard(2, clock);
    assertTrue(guard.firstUse("a", T0.plusSeconds(10)));
    assertTrue(guard.firstUse("b", T0.plusSeconds(60)));
    assertFalse(guard.firstUse("c", T0.plusSeconds(60)));
    clock.now = T0.plusSeconds(11);
    assertTrue(guard.firstUse("c", T0.plusSeconds(60)));
    assertFalse(guard.firstUse("b", T0.plusSeconds(60)));
  }

  @Test
  void needsAPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryReplayGuard(0));
  }

  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
