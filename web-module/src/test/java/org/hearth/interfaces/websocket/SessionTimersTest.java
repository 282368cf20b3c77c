package org.hearth.interfaces.websocket;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTimersTest {

  private final ScheduledExecutorService containers = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService hearths = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    containers.shutdownNow();
    hearths.shutdownNow();
  }

  /** Shaped like Tyrus's session: the scheduler in a private field of a superclass. */
  private static class TyrusLikeSession {
    private ScheduledExecutorService service;

    TyrusLikeSession(ScheduledExecutorService service) {
      this.service = service;
    }

    ScheduledExecutorService scheduler() {
      return service;
    }
  }

  private static final class WrappedSession extends TyrusLikeSession {
    WrappedSession(ScheduledExecutorService service) {
      super(service);
    }
  }

  private static final class FinalScheduler {
    private final ScheduledExecutorService service;

    FinalScheduler(ScheduledExecutorService service) {
      this.service = service;
    }
  }

  private static final class OtherType {
    @SuppressWarnings("unused")
    private Object service = new Object();
  }

  @Test
  void replacesThePrivateSchedulerOfTheSessionOrItsSuperclass() {
    TyrusLikeSession session = new TyrusLikeSession(containers);
    WrappedSession subclass = new WrappedSession(containers);

    assertTrue(SessionTimers.replaceScheduler(session, hearths));
    assertTrue(SessionTimers.replaceScheduler(subclass, hearths));

    assertSame(hearths, session.scheduler());
    assertSame(hearths, subclass.scheduler());
  }

  @Test
  void aTaskDueAtOnceRunsOnTheCallersThreadAndALaterOneOnTheSchedulers() throws Exception {
    SessionTimers.Scheduler scheduler =
        new SessionTimers.Scheduler(Executors.defaultThreadFactory());
    try {
      AtomicReference<Thread> now = new AtomicReference<>();
      AtomicReference<Thread> later = new AtomicReference<>();

      ScheduledFuture<?> ran =
          scheduler.schedule(() -> now.set(Thread.currentThread()), 0, SECONDS);
      ScheduledFuture<?> due =
          scheduler.schedule(() -> later.set(Thread.currentThread()), 50, MILLISECONDS);

      assertSame(Thread.currentThread(), now.get());
      assertTrue(ran.isDone());
      assertFalse(ran.cancel(true));
      due.get(5, SECONDS);
      assertNotSame(Thread.currentThread(), later.get());
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void leavesSessionsAloneThatHaveNoSuchSchedulerField() {
    FinalScheduler finalField = new FinalScheduler(containers);

    assertFalse(SessionTimers.replaceScheduler(finalField, hearths));
    assertFalse(SessionTimers.replaceScheduler(new OtherType(), hearths));
    assertFalse(SessionTimers.replaceScheduler(new Object(), hearths));
    assertSame(containers, finalField.service);
  }
}
