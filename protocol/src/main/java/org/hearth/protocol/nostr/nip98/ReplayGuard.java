package org.hearth.protocol.nostr.nip98;

import java.time.Instant;

/** Remembers used NIP-98 event ids, so that each header is accepted once. */
public interface ReplayGuard {
  /**
   * Records a use of an event id.
   *
   * @param expiresAt after this the verifier refuses the event as expired anyway, so the id need
   *     not be remembered longer
   * @return true if this is the first use; false if the id was used before or cannot be recorded
   */
  boolean firstUse(String eventId, Instant expiresAt);
}
