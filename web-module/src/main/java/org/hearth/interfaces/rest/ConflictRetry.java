package org.hearth.interfaces.rest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.hearth.infrastructure.persistence.ConcurrentChangeException;

/**
 * Runs a transactional call again when it lost an optimistic-locking race (a heartbeat while the
 * health monitor marks the same node offline, say). Each attempt is a new transaction.
 */
public final class ConflictRetry {

  private static final int ATTEMPTS = 6;

  private ConflictRetry() {}

  public static <T> T run(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether {@code thrown} or one of its causes is a lost race for the same rows. */
  public static boolean isConflict(Throwable thrown) {
    return ConcurrentChangeException.isLostRace(thrown);
  }

  /** A short random pause, longer after each attempt, so racing requests spread out. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
