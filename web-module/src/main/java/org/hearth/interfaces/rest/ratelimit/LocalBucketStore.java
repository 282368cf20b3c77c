package org.hearth.interfaces.rest.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this server's memory: exact on one server, per server in a cluster. A bucket untouched
 * for a whole window is full again, so it is dropped (and recreated full on its next use).
 */
final class LocalBucketStore implements BucketStore {

  private record Entry(Bucket bucket, AtomicLong lastUsedNanos) {}

  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  private final Duration window;
  private final AtomicLong lastSweepNanos = new AtomicLong(System.nanoTime());

  /**
   * @param window the longest window of any limit
   */
  LocalBucketStore(Duration window) {
    this.window = window;
  }

  @Override
  public Duration tryTake(String key, Limit limit) {
    long now = System.nanoTime();
    sweepIdle(now);
    Entry entry =
        buckets.computeIfAbsent(
            key,
            k ->
                new Entry(
                    Bucket.builder().addLimit(limit.bandwidth()).build(), new AtomicLong(now)));
    entry.lastUsedNanos().set(now);
    ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  private void sweepIdle(long now) {
    long last = lastSweepNanos.get();
    if (now - last < window.toNanos() || !lastSweepNanos.compareAndSet(last, now)) {
      return;
    }
    buckets.values().removeIf(e -> now - e.lastUsedNanos().get() > window.toNanos());
  }

  @Override
  public String describe() {
    return "in this server's memory (limits hold per server, not across a cluster)";
  }
}
