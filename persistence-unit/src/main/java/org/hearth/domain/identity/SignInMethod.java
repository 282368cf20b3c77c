package org.hearth.domain.identity;

/** How a session was signed in. */
public enum SignInMethod {
  /** Sign-In with Ethereum (EIP-4361). */
  SIWE,
  /** A signed Nostr kind 22242 challenge event. */
  NOSTR
}
