package org.hearth.domain.identity;

/** The kinds of key that prove an account. */
public enum KeyKind {
  /** A Nostr x-only public key, 64 lowercase hex digits. */
  NOSTR,
  /** An Ethereum address, {@code 0x} and 40 lowercase hex digits. */
  ETHEREUM
}
