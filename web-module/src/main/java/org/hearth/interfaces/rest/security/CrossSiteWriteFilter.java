package org.hearth.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;

/**
 * Refuses every write a browser sends from another site ({@code Origin} names a different origin),
 * signed in or not: this also stops another site from signing a browser in to an account of its
 * choosing. Clients that are not browsers send no {@code Origin} and are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class CrossSiteWriteFilter implements ContainerRequestFilter {

  @Inject SameOrigin sameOrigin;
  @Inject PublicUrl publicUrl;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String base = publicUrl.of(servletRequest.getLocalPort());
    if (!sameOrigin.isSafe(request.getMethod()) && sameOrigin.fromElsewhere(request, base)) {
      request.abortWith(
          Problem.of(
                  ProblemType.CROSS_SITE_REQUEST,
                  "writes from other sites are refused; this API answers " + base)
              .toResponse());
    }
  }
}
