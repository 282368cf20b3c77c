package org.hearth.interfaces.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Set;

/** Whether a browser request comes from Hearth's own pages (its public URL's origin). */
@ApplicationScoped
public class SameOrigin {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  public boolean isSafe(String method) {
    return SAFE_METHODS.contains(method);
  }

  /** The request names its origin ({@code Origin}, else {@code Referer}) and it is Hearth's. */
  public boolean fromHearth(ContainerRequestContext request, String publicBase) {
    String origin = request.getHeaderString("Origin");
    if (origin == null) {
      origin = originOf(request.getHeaderString("Referer"));
    }
    return origin != null && origin.equalsIgnoreCase(originOf(publicBase));
  }

  /** A request from another site: its {@code Origin} header names a different origin. */
  public boolean fromElsewhere(ContainerRequestContext request, String publicBase) {
    String origin = request.getHeaderString("Origin");
    return origin != null && !origin.equalsIgnoreCase(originOf(publicBase));
  }

  private static String originOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      return uri.getScheme() == null || uri.getRawAuthority() == null
          ? null
          : uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
