package org.hearth.interfaces.rest.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * Buckets in a JCache shared by the cluster (Payara's Hazelcast): every server takes tokens from
 * the same bucket, with an entry processor that runs where the entry lives. An entry untouched for
 * a whole window expires: its bucket would be full again anyway.
 */
final class JCacheBucketStore implements BucketStore {

  static final String CACHE_NAME = "hearth-rate-limits";

  private final ProxyManager<String> proxies;
  private final String description;

  JCacheBucketStore(CacheManager manager, Duration window) {
    Cache<String, byte[]> cache = cache(manager, window);
    this.proxies = Bucket4jJCache.entryProcessorBasedBuilder(cache).build();
    this.description =
        "in the JCache '"
            + CACHE_NAME
            + "' of "
            + manager.getCachingProvider().getClass().getName();
  }

  /** The shared cache, created by the first server that needs it. */
  private static Cache<String, byte[]> cache(CacheManager manager, Duration window) {
    Cache<String, byte[]> cache = manager.getCache(CACHE_NAME);
    if (cache != null) {
      return cache;
    }
    MutableConfiguration<String, byte[]> config =
        new MutableConfiguration<String, byte[]>()
            .setExpiryPolicyFactory(
                TouchedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, window.toMillis())));
    try {
      return manager.createCache(CACHE_NAME, config);
    } catch (CacheException createdByAnotherServer) {
      return manager.getCache(CACHE_NAME);
    }
  }

  @Override
  public Duration tryTake(String key, Limit limit) {
    ConsumptionProbe probe =
        proxies
            .builder()
            .build(key, () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build())
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  @Override
  public String describe() {
    return description;
  }
}
