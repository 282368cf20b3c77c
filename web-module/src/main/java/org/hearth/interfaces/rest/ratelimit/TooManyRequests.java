package org.hearth.interfaces.rest.ratelimit;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;

/** The answer to a request over its budget: 429 problem+json with {@code Retry-After}. */
final class TooManyRequests {

  private TooManyRequests() {}

  static Response after(Duration wait, String whose) {
    long seconds = RateLimiter.retryAfterSeconds(wait);
    return Response.fromResponse(
            Problem.of(
                    ProblemType.RATE_LIMITED,
                    "too many requests from " + whose + "; retry in " + seconds + " s")
                .toResponse())
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
  }
}
