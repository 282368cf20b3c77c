package org.hearth.interfaces.rest.ratelimit;

import java.time.Duration;

/** Where the token buckets live: this server's memory, or a cache shared by the cluster. */
interface BucketStore {

  /**
   * Takes one token from the bucket of {@code key} under {@code limit}.
   *
   * @return zero when the request may proceed, else how long until a token is available
   */
  Duration tryTake(String key, Limit limit);

  /** For the startup log. */
  String describe();
}
