package org.hearth.interfaces.rest.node;

import java.util.Locale;

/** A node operator's key as a registration names it: a Nostr public key or an Ethereum address. */
final class OperatorKey {

  static final String PATTERN = "[0-9a-fA-F]{64}|0x[0-9a-fA-F]{40}";

  private OperatorKey() {}

  /** Keys are kept lower-case, as accounts keep them (an EIP-55 address's case is a checksum). */
  static String normalize(String key) {
    return key == null ? null : key.toLowerCase(Locale.ROOT);
  }
}
