package org.hearth.interfaces.rest.market;

import java.time.Instant;
import org.hearth.domain.reputation.AttestationSummary;

/**
 * A node's current attestation (kind 10033) as its page shows it: what it claims, who vouches for
 * it, and the hash of its evidence (the event itself, quote included, is on the relay by {@code
 * eventId}). Hearth does not verify the evidence.
 */
public class AttestationView {
  public String eventId;
  public String tee;
  public String measurement;

  /** {@code node} (its own key) or {@code attester} (a key the marketplace trusts). */
  public String vouchedBy;

  public String author;
  public String quoteSha256;
  public int quoteBytes;
  public Instant issuedAt;
  public Instant expiresAt;

  static AttestationView of(AttestationSummary a) {
    if (a == null) {
      return null;
    }
    AttestationView v = new AttestationView();
    v.eventId = a.eventId();
    v.tee = a.tee().tag();
    v.measurement = a.measurement();
    v.vouchedBy = a.byNode() ? "node" : "attester";
    v.author = a.author();
    v.quoteSha256 = a.quoteSha256();
    v.quoteBytes = a.quoteBytes();
    v.issuedAt = a.issuedAt();
    v.expiresAt = a.expiresAt();
    return v;
  }
}
