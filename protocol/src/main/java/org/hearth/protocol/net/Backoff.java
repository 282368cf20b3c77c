package org.hearth.protocol.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th retry (from 0) waits a uniformly random time in
 * [0, min(cap, base × 2ⁿ)), so agents that lost the server together do not come back together.
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final DoubleSupplier random;
  private int attempt;

  /**
   * @param random uniform in [0, 1)
   */
  public Backoff(Duration base, Duration cap, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** 1 s doubling up to 30 s. */
  public static Backoff standard() {
    return new Backoff(
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** How long to wait before the next attempt. */
  public synchronized Duration next() {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 30));
    if (ceiling < cap.toMillis()) {
      attempt++;
    }
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
  }

  /** After a success: the next wait starts from {@code base} again. */
  public synchronized void reset() {
    attempt = 0;
  }
}
