package org.hearth.interfaces.rest.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of an authenticated request. */
record CallerSecurityContext(Principal principal, String publicBase, String scheme)
    implements SecurityContext {

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return principal instanceof Caller caller && caller.hasRole(role);
  }

  @Override
  public boolean isSecure() {
    return publicBase.startsWith("https:");
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }
}
