package org.hearth.interfaces.rest.security;

import java.security.Principal;
import java.util.Set;
import org.hearth.application.identity.Role;

/**
 * The account a request speaks for, however it proved it (session or NIP-98 key).
 *
 * @param sessionId the session the request came with, or null for a signed request
 */
public record Caller(String accountId, String sessionId, Set<Role> roles) implements Principal {

  @Override
  public String getName() {
    return accountId;
  }

  public boolean hasRole(String role) {
    return roles.stream().anyMatch(r -> r.name().equalsIgnoreCase(role));
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }
}
