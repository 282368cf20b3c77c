package org.hearth.application.nostr;

/** How a relay keeps an event, by its kind (NIP-01). */
public enum EventKinds {
  /** Kept, every one of them. */
  REGULAR,
  /** 0, 3 and 10000–19999: only the newest per author and kind is kept. */
  REPLACEABLE,
  /** 20000–29999: delivered to subscribers, never stored. */
  EPHEMERAL,
  /** 30000–39999: only the newest per author, kind and {@code d} tag is kept. */
  ADDRESSABLE;

  /** NIP-09 deletion requests. */
  public static final int DELETION = 5;

  /** NIP-42 client authentication: sent with {@code AUTH}, never published. */
  public static final int CLIENT_AUTH = 22242;

  public static EventKinds of(int kind) {
    if (kind == 0 || kind == 3 || (kind >= 10_000 && kind < 20_000)) {
      return REPLACEABLE;
    }
    if (kind >= 20_000 && kind < 30_000) {
      return EPHEMERAL;
    }
    if (kind >= 30_000 && kind < 40_000) {
      return ADDRESSABLE;
    }
    return REGULAR;
  }
}
