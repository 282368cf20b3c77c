package org.hearth.interfaces.rest.security;

import java.security.Principal;

/** The caller, identified by the x-only public key (hex) that signed the request. */
public record NostrPrincipal(String pubkey) implements Principal {

  @Override
  public String getName() {
    return pubkey;
  }
}
