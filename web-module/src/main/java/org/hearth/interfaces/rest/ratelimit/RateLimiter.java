package org.hearth.interfaces.rest.ratelimit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request budgets ({@code hearth.rate-limit.*}; the relay's own, {@code hearth.relay.rate.*},
 * count per the same window) and the store that counts them, chosen at startup: the JCache of
 * Payara's Hazelcast when Payara binds one (Payara Micro 6 always does, also with {@code
 * --nocluster}, where its Hazelcast is a member on its own), so servers in a cluster share every
 * budget; else this server's memory.
 */
@ApplicationScoped
public class RateLimiter {

  private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());

  /** Where Payara binds the CacheManager of its Hazelcast member. */
  private static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";

  @Inject
  @ConfigProperty(name = "hearth.rate-limit.window", defaultValue = "PT1M")
  Duration window;

  @Inject
  @ConfigProperty(name = "hearth.rate-limit.sign-in-per-ip", defaultValue = "300")
  long signInPerIp;

  @Inject
  @ConfigProperty(name = "hearth.rate-limit.writes-per-ip", defaultValue = "1200")
  long writesPerIp;

  @Inject
  @ConfigProperty(name = "hearth.rate-limit.writes-per-caller", defaultValue = "300")
  long writesPerCaller;

  private BucketStore store;
  private Limit signIn;
  private Limit writesByIp;
  private Limit writesByCaller;

  @PostConstruct
  void start() {
    signIn = new Limit("sign-in:ip", signInPerIp, window);
    writesByIp = new Limit("write:ip", writesPerIp, window);
    writesByCaller = new Limit("write:caller", writesPerCaller, window);
    store = chooseStore();
    LOG.log(
        System.Logger.Level.INFO,
        "Rate limits per {0}: sign-in {1} per IP, writes {2} per IP and {3} per account or key;"
            + " buckets {4}",
        window,
        signInPerIp,
        writesPerIp,
        writesPerCaller,
        store.describe());
  }

  /** Chooses the store when the application starts, not on the first request. */
  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Observing is enough: CDI creates the bean (and runs start()) to deliver the event.
  }

  private BucketStore chooseStore() {
    try {
      CacheManager manager = InitialContext.doLookup(PAYARA_CACHE_MANAGER);
      return new JCacheBucketStore(manager, window);
    } catch (Exception | LinkageError noClusterCache) {
      LOG.log(
          System.Logger.Level.INFO,
          "No cluster JCache ({0}): rate-limit buckets stay in this server''s memory",
          noClusterCache.toString());
      return new LocalBucketStore(window);
    }
  }

  /** The window every budget is counted over. */
  public Duration window() {
    return window;
  }

  Limit signInPerIp() {
    return signIn;
  }

  Limit writesPerIp() {
    return writesByIp;
  }

  Limit writesPerCaller() {
    return writesByCaller;
  }

  /**
   * Takes one request from {@code who}'s budget under {@code limit}.
   *
   * @return zero when the request may proceed, else how long the caller must wait
   */
  public Duration tryTake(Limit limit, String who) {
    if (limit.unlimited()) {
      // Not even a lookup: with the cluster's JCache that is a round trip per request.
      return Duration.ZERO;
    }
    return store.tryTake(limit.name() + ":" + who, limit);
  }

  /**
   * A wait in whole seconds, rounded up (a client that waits that long is served), at least one.
   */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toNanos() + 999_999_999) / 1_000_000_000);
  }
}
