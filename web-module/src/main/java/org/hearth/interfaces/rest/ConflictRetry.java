package org.hearth.interfaces.rest;

import java.util.function.Supplier;

/**
 * Runs a transactional call again when it lost an optimistic-locking race (a heartbeat while the
 * health monitor marks the same node offline, say). Each attempt is a new transaction.
 */
public final class ConflictRetry {

  private static final int ATTEMPTS = 3;

  private ConflictRetry() {}

  public static <T> T run(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether {@code thrown} or one of its causes is an optimistic-lock failure. */
  public static boolean isConflict(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t.getClass().getSimpleName().equals("OptimisticLockException")) {
        return true;
      }
    }
    return false;
  }
}
