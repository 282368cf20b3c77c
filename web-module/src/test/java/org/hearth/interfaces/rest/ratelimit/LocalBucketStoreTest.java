package org.hearth.interfaces.rest.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory store used where Payara binds no JCache, and the 429 answer. */
class LocalBucketStoreTest {

  private final Limit twoPerMinute = new Limit("test", 2, Duration.ofMinutes(1));
  private final LocalBucketStore store = new LocalBucketStore(Duration.ofMinutes(1));

  @Test
  void aKeyOverItsBudgetWaitsForTheNextTokenWhileOtherKeysKeepTheirs() {
    assertEquals(Duration.ZERO, store.tryTake("a", twoPerMinute));
    assertEquals(Duration.ZERO, store.tryTake("a", twoPerMinute));

    Duration wait = store.tryTake("a", twoPerMinute);
    // Two per minute refill one token every 30 s.
    assertTrue(
        wait.compareTo(Duration.ofSeconds(29)) > 0 && wait.compareTo(Duration.ofSeconds(30)) <= 0,
        wait::toString);
    assertEquals(Duration.ZERO, store.tryTake("b", twoPerMinute));
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertEquals(2, RateLimiter.retryAfterSeconds(Duration.ofMillis(1500)));
    assertEquals(30, RateLimiter.retryAfterSeconds(Duration.ofSeconds(30)));
    assertEquals(31, RateLimiter.retryAfterSeconds(Duration.ofSeconds(30).plusNanos(1)));
    assertEquals(1, RateLimiter.retryAfterSeconds(Duration.ofNanos(1)));
  }
}
