package org.hearth.agent.host;

import java.time.Duration;

/**
 * Measures one core's speed in compute points with a deterministic, single-threaded integer kernel:
 * a chain of multiply, rotate and xor steps, each reading and writing a 64 KiB table at an index
 * that depends on the previous step, so it can be neither vectorized nor skipped.
 *
 * <p>One point is {@value #STEPS_PER_POINT} kernel steps per second on one core, which puts a 2020s
 * x86 server core (AMD EPYC, where this was calibrated) at about 1000 points.
 *
 * <p>The measurement is split into 5 ms slices and the fastest slice counts: other processes can
 * only slow a slice down, never speed it up, and slices that short often fall between the
 * scheduler's turns for others. So the best slice is the repeatable figure even on a busy machine:
 * within 1% over runs on a 2-core VM at a load average of 30, where whole-run averages spread by
 * 25%.
 */
public final class CpuBenchmark {
  /** Changes whenever the kernel or the scale changes, so cached results are measured again. */
  public static final int VERSION = 1;

  static final long STEPS_PER_POINT = 230_000;
  static final int STEPS_PER_ROUND = 1 << 14;
  private static final int TABLE_SIZE = 1 << 14;
  private static final long SLICE_NANOS = 5_000_000;
  private static final Duration MIN_WARM_UP = Duration.ofMillis(200);

  /** Keeps the kernel's result alive so the JIT cannot drop the work. */
  private static volatile long sink;

  private CpuBenchmark() {}

  /**
   * Repeatability check (a benchmark, not a test: timing on a shared machine is noisy): {@code java
   * -cp hearth-agent.jar org.hearth.agent.host.CpuBenchmark [runs] [seconds]} prints each run's
   * points per core and the spread between the lowest and highest.
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Duration each = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int run = 1; run <= runs; run++) {
      long points = pointsPerCore(each);
      min = Math.min(min, points);
      max = Math.max(max, points);
      System.out.printf("run %d: %d points per core%n", run, points);
    }
    System.out.printf("spread: %.1f%% (max/min - 1)%n", 100.0 * (max - min) / min);
  }

  /**
   * Points of one core, measured for {@code duration} after a warm-up of a fifth of it (at least
   * 200 ms) that lets the JIT compile the kernel.
   */
  public static long pointsPerCore(Duration duration) {
    int[] table = newTable();
    long state = 1;
    Duration warmUp =
        duration.dividedBy(5).compareTo(MIN_WARM_UP) > 0 ? duration.dividedBy(5) : MIN_WARM_UP;
    long warmUpEnd = System.nanoTime() + warmUp.toNanos();
    while (System.nanoTime() < warmUpEnd) {
      state = kernel(table, state, STEPS_PER_ROUND);
    }
    double bestStepsPerSecond = 0;
    long end = System.nanoTime() + duration.toNanos();
    long sliceStart = System.nanoTime();
    long sliceSteps = 0;
    for (long now = sliceStart; now < end; now = System.nanoTime()) {
      if (now - sliceStart >= SLICE_NANOS) {
        bestStepsPerSecond = Math.max(bestStepsPerSecond, sliceSteps * 1e9 / (now - sliceStart));
        sliceStart = now;
        sliceSteps = 0;
      }
      state = kernel(table, state, STEPS_PER_ROUND);
      sliceSteps += STEPS_PER_ROUND;
    }
    sink = state;
    return Math.round(bestStepsPerSecond / STEPS_PER_POINT);
  }

  static int[] newTable() {
    int[] table = new int[TABLE_SIZE];
    for (int i = 0; i < table.length; i++) {
      table[i] = i * 0x9E3779B9;
    }
    return table;
  }

  /** Runs {@code steps} steps from {@code state}, updating {@code table}; returns the new state. */
  static long kernel(int[] table, long state, int steps) {
    long x = state;
    for (int i = 0; i < steps; i++) {
      int index = (int) (x >>> 50) & (TABLE_SIZE - 1);
      x = x * 6364136223846793005L + table[index];
      table[index] ^= (int) (x >>> 29);
      x ^= Long.rotateLeft(x, 23);
    }
    return x;
  }
}
