package org.hearth.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs the WebSocket sessions' idle and heartbeat timers on a scheduler of Hearth's own.
 *
 * <p>Tyrus (Payara 6) re-arms a session's idle timer on every message received or sent, even when
 * the session has no idle timeout, by scheduling a task on the container's managed scheduled
 * executor. For each such task Payara captures the thread's context, which looks up Jakarta
 * Concurrency's {@code ThreadContextProvider} services through the thread's context class loader: a
 * resource scan of the application's and the runtime's 320 jars per message, more than half of the
 * server's CPU for relay events and terminal keystrokes (bench/README.md). The timer tasks need no
 * context (they check the timeout and close the session), so each session's scheduler is replaced,
 * when it opens, by this one. The Jakarta WebSocket API has no way to do that: it is Tyrus's
 * private {@code service} field. Where that field is missing (another Tyrus), sessions keep the
 * container's executor and work as before, only slower; that is logged once.
 */
@ApplicationScoped
public class SessionTimers {

  private static final System.Logger LOG = System.getLogger(SessionTimers.class.getName());

  /** Tyrus's {@code TyrusSession.service}. */
  static final String SCHEDULER_FIELD = "service";

  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor scheduler;
  private volatile boolean reportedMissing;

  @PostConstruct
  void start() {
    scheduler = new Scheduler(threads);
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  /** Call when the session opens, before it handles a message. */
  public void adopt(Session session) {
    if (!replaceScheduler(session, scheduler) && !reportedMissing) {
      reportedMissing = true;
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} has no scheduler field Hearth knows: WebSocket messages pay the container's"
              + " context capture",
          session.getClass().getName());
    }
  }

  /** Sets the session's scheduler field to {@code scheduler}; false if it has none. */
  static boolean replaceScheduler(Object session, ScheduledExecutorService scheduler) {
    Optional<Field> field = schedulerField(session.getClass());
    if (field.isEmpty()) {
      return false;
    }
    try {
      field.get().set(session, scheduler);
      return true;
    } catch (IllegalAccessException e) {
      return false;
    }
  }

  /**
   * Runs a task due at once on the caller's thread instead of waking the scheduler's: Tyrus
   * schedules its idle timer task after {@code maxIdleTimeout}, so a task due at once is the re-arm
   * of a session without an idle timeout, which checks that and returns. Every message would
   * otherwise cost a thread wake-up.
   */
  static final class Scheduler extends ScheduledThreadPoolExecutor {
    Scheduler(ThreadFactory threads) {
      super(1, threads);
      // Every message cancels the previous timer task: drop cancelled tasks from the queue at once.
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      if (delay > 0) {
        return super.schedule(command, delay, unit);
      }
      command.run();
      return Done.INSTANCE;
    }
  }

  /** A task that has run. */
  private static final class Done implements ScheduledFuture<Object> {
    static final Done INSTANCE = new Done();

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }

  private static Optional<Field> schedulerField(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(SCHEDULER_FIELD);
        if (field.getType() != ScheduledExecutorService.class
            || Modifier.isStatic(field.getModifiers())
            || Modifier.isFinal(field.getModifiers())
            || !field.trySetAccessible()) {
          return Optional.empty();
        }
        return Optional.of(field);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return Optional.empty();
  }
}
