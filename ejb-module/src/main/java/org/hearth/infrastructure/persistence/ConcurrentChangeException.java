package org.hearth.infrastructure.persistence;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;

/**
 * A transaction lost a race for the same rows (another one changed them first): an expected outcome
 * that the caller retries, not a failure. As an application exception it reaches the caller as it
 * is and rolls the transaction back, without the container logging it as a system error with its
 * stack trace (see {@link ReportsConcurrentChanges}).
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends RuntimeException {

  /** SQLSTATEs of a lost race: unique violation, serialization failure, deadlock (PostgreSQL). */
  private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01");

  public ConcurrentChangeException(Throwable lostRace) {
    super("changed concurrently: " + lostRace.getMessage(), lostRace);
  }

  /**
   * Whether {@code thrown} or one of its causes is a lost race: an optimistic-lock failure, a
   * pessimistic lock the database refused (a deadlock it broke by rolling back), or an insert that
   * another transaction's insert of the same key beat.
   */
  public static boolean isLostRace(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ConcurrentChangeException
          || t instanceof OptimisticLockException
          || t instanceof PessimisticLockException
          || t instanceof LockTimeoutException
          || t.getClass().getSimpleName().equals("OptimisticLockException")
          || (t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
