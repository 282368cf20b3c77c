package org.hearth.interfaces.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import org.hearth.application.identity.Nip98Authenticator;
import org.hearth.protocol.nostr.nip98.Nip98Exception;

/**
 * Verifies a request's NIP-98 signature against the absolute URL the client used (from {@code
 * hearth.public-url}), the method and the body, which it reads and puts back for the resource.
 */
@ApplicationScoped
public class Nip98Check {

  @Inject Nip98Authenticator authenticator;

  /**
   * @param publicBase the public URL without a trailing slash
   * @return the key that signed the request
   */
  public String signer(ContainerRequestContext request, String publicBase)
      throws IOException, Nip98Exception {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    URI requestUri = request.getUriInfo().getRequestUri();
    String url = publicBase + requestUri.getRawPath();
    if (requestUri.getRawQuery() != null) {
      url += "?" + requestUri.getRawQuery();
    }
    return authenticator
        .authenticate(
            request.getHeaderString(HttpHeaders.AUTHORIZATION), url, request.getMethod(), body)
        .pubkey();
  }
}
