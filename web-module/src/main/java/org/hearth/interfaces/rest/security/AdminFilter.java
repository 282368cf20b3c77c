package org.hearth.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;

/** Refuses {@link AdminOnly} requests of callers who are not admins (after authentication). */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)
        || !caller.isAdmin()) {
      request.abortWith(Problem.of(ProblemType.FORBIDDEN, "only admins may do this").toResponse());
    }
  }
}
