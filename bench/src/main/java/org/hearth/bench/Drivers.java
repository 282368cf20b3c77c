package org.hearth.bench;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** What the drivers' main methods and open-loop runs share. */
final class Drivers {
  private Drivers() {}

  /** Prints the usage for {@code --help} (exit 0) or after the problem (exit 2), and exits. */
  static void usage(Options.UsageException e, String usage) {
    if (e.getMessage() != null) {
      System.err.println("error: " + e.getMessage());
    }
    System.err.print(usage);
    System.exit(e.getMessage() == null ? 0 : 2);
  }

  /** Parks until {@link System#nanoTime()} reaches {@code nanoTime}. */
  static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  /** The simple class name of a failure's innermost cause, as an error kind. */
  static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  /** Daemon threads named {@code name-1}, {@code name-2}, ... */
  static ThreadFactory daemon(String name) {
    AtomicLong count = new AtomicLong();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
