package org.hearth.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.protocol.nostr.nip98.Nip98Exception;

/**
 * Authenticates {@link Nip98Authenticated} requests (a node speaking with its own key): the signing
 * key becomes the request's principal.
 */
@Provider
@Nip98Authenticated
@Priority(Priorities.AUTHENTICATION)
public class Nip98Filter implements ContainerRequestFilter {

  @Inject Nip98Check nip98;
  @Inject PublicUrl publicUrl;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String base = publicUrl.of(servletRequest.getLocalPort());
    try {
      String pubkey = nip98.signer(request, base);
      request.setSecurityContext(
          new CallerSecurityContext(new NostrPrincipal(pubkey), base, "Nostr"));
    } catch (Nip98Exception e) {
      request.abortWith(unauthenticated(e.getMessage()));
    }
  }

  static Response unauthenticated(String detail) {
    return Response.fromResponse(Problem.of(ProblemType.UNAUTHENTICATED, detail).toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Nostr")
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }
}
