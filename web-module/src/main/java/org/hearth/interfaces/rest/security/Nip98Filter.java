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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import org.hearth.application.identity.Nip98Authenticator;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.protocol.nostr.nip98.Nip98Exception;

/**
 * Authenticates {@link Nip98Authenticated} requests: verifies the signed event against the absolute
 * URL the client used (from {@code hearth.public-url}), the method and the body, and makes its key
 * the request's principal.
 */
@Provider
@Nip98Authenticated
@Priority(Priorities.AUTHENTICATION)
public class Nip98Filter implements ContainerRequestFilter {

  @Inject Nip98Authenticator authenticator;
  @Inject PublicUrl publicUrl;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    URI requestUri = request.getUriInfo().getRequestUri();
    String url = publicUrl.of(servletRequest.getLocalPort()) + requestUri.getRawPath();
    if (requestUri.getRawQuery() != null) {
      url += "?" + requestUri.getRawQuery();
    }
    try {
      String pubkey =
          authenticator
              .authenticate(
                  request.getHeaderString(HttpHeaders.AUTHORIZATION),
                  url,
                  request.getMethod(),
                  body)
              .pubkey();
      request.setSecurityContext(new NostrSecurityContext(new NostrPrincipal(pubkey), url));
    } catch (Nip98Exception e) {
      request.abortWith(
          Response.fromResponse(
                  Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage()).toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Nostr")
              .build());
    }
  }

  private record NostrSecurityContext(Principal principal, String url) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return url.startsWith("https:");
    }

    @Override
    public String getAuthenticationScheme() {
      return "Nostr";
    }
  }
}
