package org.hearth.bench;

import java.time.Duration;

/**
 * When each heartbeat of an open-loop run is due. {@code nodes} nodes each heartbeat once per
 * {@code interval}, their start times spread evenly over the first interval, so together they send
 * one request every {@code interval / nodes}: request {@code k} is node {@code k % nodes}'s
 * heartbeat number {@code k / nodes}, due {@code k * interval / nodes} after the start.
 *
 * <p>Requests due in the first {@code warmup} are sent but not measured; those due in the {@code
 * duration} after it are. The schedule never waits for responses, so a slow server shows up as
 * latency (measured from the due time), not as a lower request rate.
 */
public record OpenLoopSchedule(int nodes, Duration interval, Duration warmup, Duration duration) {

  public OpenLoopSchedule {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1: " + nodes);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
  }

  /** The schedule at which {@code nodes} nodes send {@code ratePerSecond} heartbeats a second. */
  public static OpenLoopSchedule atRate(
      int nodes, double ratePerSecond, Duration warmup, Duration duration) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    long intervalNanos = Math.round(nodes * 1e9 / ratePerSecond);
    return new OpenLoopSchedule(nodes, Duration.ofNanos(intervalNanos), warmup, duration);
  }

  /** Heartbeats per second, all nodes together. */
  public double ratePerSecond() {
    return nodes * 1e9 / interval.toNanos();
  }

  /** When request {@code k} is due, in nanoseconds after the start. */
  public long dueNanos(long k) {
    return Math.multiplyExact(k, interval.toNanos()) / nodes;
  }

  /** The node that sends request {@code k}. */
  public int node(long k) {
    return (int) (k % nodes);
  }

  /** Which of its node's heartbeats request {@code k} is, from 0. */
  public long round(long k) {
    return k / nodes;
  }

  /** How many requests the run sends: all those due before the end of the measured window. */
  public long requests() {
    return firstDueAtOrAfter(endNanos());
  }

  /** The first request due in the measured window. */
  public long firstMeasured() {
    return firstDueAtOrAfter(warmup.toNanos());
  }

  /** Whether request {@code k} is due inside the measured window. */
  public boolean measured(long k) {
    long due = dueNanos(k);
    return due >= warmup.toNanos() && due < endNanos();
  }

  /** The number of requests due inside the measured window. */
  public long measuredRequests() {
    return requests() - firstMeasured();
  }

  /** The end of the measured window, in nanoseconds after the start. */
  public long endNanos() {
    return warmup.toNanos() + duration.toNanos();
  }

  /** The smallest k whose due time is at or after {@code nanos}. */
  private long firstDueAtOrAfter(long nanos) {
    // dueNanos(k) = floor(k * interval / nodes) >= nanos  <=>  k * interval >= nanos * nodes
    long interval = this.interval.toNanos();
    long k = Math.floorDiv(Math.multiplyExact(nanos, (long) nodes) + interval - 1, interval);
    while (k > 0 && dueNanos(k - 1) >= nanos) {
      k--;
    }
    while (dueNanos(k) < nanos) {
      k++;
    }
    return k;
  }
}
