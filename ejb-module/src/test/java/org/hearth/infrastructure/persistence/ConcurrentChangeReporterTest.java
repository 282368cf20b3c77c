package org.hearth.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.domain.vm.UnknownVmException;
import org.junit.jupiter.api.Test;

/** {@link ConcurrentChangeReporter}: lost races become their own exception, nothing else does. */
class ConcurrentChangeReporterTest {

  private final ConcurrentChangeReporter reporter = new ConcurrentChangeReporter();

  @Test
  void anOptimisticLockFailureIsReportedAsAConcurrentChange() {
    OptimisticLockException lost = new OptimisticLockException("node version 7 changed");

    ConcurrentChangeException reported =
        assertThrows(ConcurrentChangeException.class, () -> reporter.report(throwing(lost)));

    assertSame(lost, reported.getCause());
  }

  @Test
  void aLostInsertOrDeadlockDeepInTheCausesIsReportedToo() {
    for (String state : new String[] {"23505", "40001", "40P01"}) {
      RuntimeException thrown =
          new PersistenceException("flush failed", new SQLException("lost", state));

      assertThrows(ConcurrentChangeException.class, () -> reporter.report(throwing(thrown)), state);
    }
  }

  @Test
  void otherFailuresPassUnchanged() {
    RuntimeException broken =
        new PersistenceException("no connection", new SQLException("refused", "08001"));
    UnknownVmException refused = new UnknownVmException("vm-1");

    assertSame(
        broken, assertThrows(RuntimeException.class, () -> reporter.report(throwing(broken))));
    assertSame(
        refused, assertThrows(RuntimeException.class, () -> reporter.report(throwing(refused))));
  }

  @Test
  void aResultPassesUnchanged() throws Exception {
    assertEquals("done", reporter.report(returning(() -> "done")));
  }

  private static InvocationContext throwing(RuntimeException e) {
    return returning(
        () -> {
          throw e;
        });
  }

  /** An invocation that runs {@code call}; nothing else of it is used. */
  private static InvocationContext returning(Callable<Object> call) {
    return new InvocationContext() {
      @Override
      public Object proceed() throws Exception {
        return call.call();
      }

      @Override
      public Object getTarget() {
        return null;
      }

      @Override
      public Object getTimer() {
        return null;
      }

      @Override
      public Method getMethod() {
        return null;
      }

      @Override
      public Constructor<?> getConstructor() {
        return null;
      }

      @Override
      public Object[] getParameters() {
        return new Object[0];
      }

      @Override
      public void setParameters(Object[] params) {}

      @Override
      public Map<String, Object> getContextData() {
        return Map.of();
      }
    };
  }
}
