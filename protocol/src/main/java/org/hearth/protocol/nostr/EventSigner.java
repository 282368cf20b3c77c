package org.hearth.protocol.nostr;

import java.time.Instant;
import java.util.List;

/** Builds events signed by one key: fills in pubkey, id and sig. */
public final class EventSigner {
  /** Stand-ins that let an event's fields be checked and hashed before it has an id. */
  private static final String NO_ID = "0".repeat(64);

  private static final String NO_SIG = "0".repeat(128);

  private final NostrKeyPair keys;

  public EventSigner(NostrKeyPair keys) {
    this.keys = keys;
  }

  /**
   * @param createdAt truncated to whole seconds
   * @throws InvalidEventException if a field is malformed
   */
  public NostrEvent sign(int kind, List<List<String>> tags, String content, Instant createdAt) {
    String pubkey = keys.publicKeyHex();
    long seconds = createdAt.getEpochSecond();
    String id = new NostrEvent(NO_ID, pubkey, seconds, kind, tags, content, NO_SIG).computeId();
    String sig = Hex.encode(keys.sign(Hex.decode(id)));
    return new NostrEvent(id, pubkey, seconds, kind, tags, content, sig);
  }
}
