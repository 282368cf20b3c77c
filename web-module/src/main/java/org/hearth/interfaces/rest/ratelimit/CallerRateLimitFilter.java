package org.hearth.interfaces.rest.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.security.SameOrigin;

/**
 * Budgets per authenticated caller for writes, right after authentication: an account (however it
 * signed in) or a node's key. Many clients behind one address share its IP budget; this one is
 * theirs alone, so one account cannot spend everybody's.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class CallerRateLimitFilter implements ContainerRequestFilter {

  @Inject RateLimiter limiter;
  @Inject SameOrigin sameOrigin;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal == null || sameOrigin.isSafe(request.getMethod())) {
      return;
    }
    String who =
        principal instanceof Caller caller
            ? "account:" + caller.accountId()
            : "key:" + principal.getName();
    Duration wait = limiter.tryTake(limiter.writesPerCaller(), who);
    if (!wait.isZero()) {
      request.abortWith(TooManyRequests.after(wait, "this account"));
    }
  }
}
