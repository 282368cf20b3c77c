package org.hearth.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs at most {@code max} tasks at once without ever blocking the caller: a task submitted while
 * {@code max} are in flight waits in a queue and starts when one of them {@link #release()}s. Keeps
 * an open-loop driver from opening thousands of connections when the server stalls; the wait still
 * counts as latency because latency is measured from the due time.
 */
public final class InFlightLimiter {
  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  public InFlightLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    this.max = max;
  }

  /** Starts {@code task} now, on this thread, or later on the thread of a {@link #release()}. */
  public void submit(Runnable task) {
    waiting.add(task);
    drain();
  }

  /** Marks one started task finished, starting a waiting one if there is one. */
  public void release() {
    inFlight.decrementAndGet();
    drain();
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int waiting() {
    return waiting.size();
  }

  private void drain() {
    while (true) {
      int current = inFlight.get();
      if (current >= max) {
        return;
      }
      if (!inFlight.compareAndSet(current, current + 1)) {
        continue;
      }
      Runnable task = waiting.poll();
      if (task == null) {
        inFlight.decrementAndGet();
        // A task added while we held the slot may have seen it taken and left; look again.
        if (waiting.isEmpty()) {
          return;
        }
        continue;
      }
      task.run();
    }
  }
}
