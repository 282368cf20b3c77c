package org.hearth.interfaces.rest.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Set;
import org.hearth.interfaces.rest.security.SameOrigin;

/**
 * Budgets per client IP address, before any signature is checked or session looked up: sign-in
 * requests (nonces, challenges, proofs) and writes (every other POST, PUT, PATCH, DELETE). Reads
 * are not limited.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 75)
public class IpRateLimitFilter implements ContainerRequestFilter {

  private static final Set<String> SIGN_IN_PATHS =
      Set.of("auth/siwe/nonce", "auth/siwe", "auth/nostr/challenge", "auth/nostr");

  @Inject RateLimiter limiter;
  @Inject SameOrigin sameOrigin;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (sameOrigin.isSafe(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    Limit limit = SIGN_IN_PATHS.contains(path) ? limiter.signInPerIp() : limiter.writesPerIp();
    String ip = servletRequest.getRemoteAddr();
    Duration wait = limiter.tryTake(limit, ip);
    if (!wait.isZero()) {
      request.abortWith(TooManyRequests.after(wait, "this address"));
    }
  }
}
