package org.hearth.domain.reputation;

import java.time.Instant;

/**
 * What a node's current attestation (kind 10033) claims, and who stands behind it. Hearth checked
 * its form, signature, author and validity, not the quote (see docs/nip-compute.md).
 *
 * @param eventId the attestation event's id
 * @param author the key that signed it
 * @param byNode whether that is the node's own key (else an attester the marketplace trusts)
 * @param quoteSha256 SHA-256 (hex) of the evidence's bytes, or null without evidence
 * @param quoteBytes the evidence's size, 0 without evidence
 */
public record AttestationSummary(
    String eventId,
    String nodeId,
    String author,
    boolean byNode,
    TeeType tee,
    String measurement,
    String quoteSha256,
    int quoteBytes,
    Instant issuedAt,
    Instant expiresAt) {

  /**
   * Whether it replaces {@code other} for its node: later, or as late with the lower id (NIP-01).
   */
  public boolean newerThan(AttestationSummary other) {
    int byTime = issuedAt.compareTo(other.issuedAt);
    return byTime > 0 || (byTime == 0 && eventId.compareTo(other.eventId) < 0);
  }
}
