package org.hearth.interfaces.rest;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transactional call again when it lost an optimistic-locking race (a heartbeat while the
 * health monitor marks the same node offline, say). Each attempt is a new transaction.
 */
public final class ConflictRetry {

  private static final int ATTEMPTS = 6;

  /** SQLSTATEs of a lost race: unique violation, serialization failure, deadlock (PostgreSQL). */
  private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01");

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

  /**
   * Whether {@code thrown} or one of its causes is a lost locking race: an optimistic-lock failure,
   * or a pessimistic lock the database refused (a deadlock it broke by rolling back).
   */
  public static boolean isConflict(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException
          || t instanceof PessimisticLockException
          || t instanceof LockTimeoutException
          || t.getClass().getSimpleName().equals("OptimisticLockException")
          || (t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
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
