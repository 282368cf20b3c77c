package org.hearth.interfaces.rest.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A budget of 0 is no limit: every request passes without a bucket being looked up. */
class RateLimiterTest {

  @Test
  void aZeroBudgetPassesEveryRequestWithoutTheStore() {
    // No start(): without a store, any lookup would fail.
    RateLimiter limiter = new RateLimiter();
    Limit unlimited = new Limit("test", 0, Duration.ofMinutes(1));

    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limiter.tryTake(unlimited, "a"));
    }
  }
}
