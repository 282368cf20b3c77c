package org.hearth.interfaces.rest.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;

/**
 * At most {@code requests} per {@code window}, refilled gradually (a token every window/requests),
 * so a client that used up its budget gets one request back as soon as one has been earned. A
 * budget of 0 (or less) is no limit at all: nothing is counted.
 *
 * @param name the kind of budget, part of every bucket key (e.g. {@code sign-in:ip})
 */
public record Limit(String name, long requests, Duration window) {

  boolean unlimited() {
    return requests <= 0;
  }

  Bandwidth bandwidth() {
    return Bandwidth.builder().capacity(requests).refillGreedy(requests, window).build();
  }
}
