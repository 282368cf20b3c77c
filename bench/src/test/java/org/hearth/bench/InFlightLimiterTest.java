package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

  @Test
  void startsTasksUpToTheLimitAndTheRestAsOthersFinish() {
    InFlightLimiter limiter = new InFlightLimiter(2);
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int task = i;
      limiter.submit(() -> started.add(task));
    }
    assertEquals(List.of(0, 1), started);
    assertEquals(2, limiter.inFlight());
    assertEquals(3, limiter.waiting());

    limiter.release();
    assertEquals(List.of(0, 1, 2), started);
    limiter.release();
    limiter.release();
    assertEquals(List.of(0, 1, 2, 3, 4), started);
    assertEquals(2, limiter.inFlight());
    assertEquals(0, limiter.waiting());
  }

  @Test
  void neverExceedsTheLimitAndLosesNoTaskUnderConcurrency() throws Exception {
    int limit = 8;
    int tasks = 20_000;
    InFlightLimiter limiter = new InFlightLimiter(limit);
    ExecutorService completers = Executors.newFixedThreadPool(4);
    ConcurrentLinkedQueue<Integer> running = new ConcurrentLinkedQueue<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    CountDownLatch allDone = new CountDownLatch(tasks);
    for (int i = 0; i < tasks; i++) {
      int task = i;
      limiter.submit(
          () -> {
            maxSeen.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            running.add(task);
            completers.execute(
                () -> {
                  concurrent.decrementAndGet();
                  allDone.countDown();
                  limiter.release();
                });
          });
    }
    assertTrue(allDone.await(30, TimeUnit.SECONDS), "every task ran and finished");
    completers.shutdown();
    assertEquals(tasks, running.size());
    assertTrue(maxSeen.get() <= limit, "at most " + limit + " at once, saw " + maxSeen.get());
    assertEquals(0, limiter.waiting());
  }
}
