package org.hearth.domain.reputation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node's newest accepted attestation (kind 10033); a newer one overwrites it. */
@Entity
@Table(name = "node_attestation")
public class NodeAttestation {

  @Id
  @Column(name = "node_id")
  private String nodeId;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(name = "author", nullable = false)
  private String author;

  @Column(name = "by_node", nullable = false)
  private boolean byNode;

  @Enumerated(EnumType.STRING)
  @Column(name = "tee", nullable = false)
  private TeeType tee;

  @Column(name = "measurement", nullable = false)
  private String measurement;

  @Column(name = "quote_sha256")
  private String quoteSha256;

  @Column(name = "quote_bytes", nullable = false)
  private int quoteBytes;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected NodeAttestation() {}

  public NodeAttestation(AttestationSummary claim, Instant now) {
    this.nodeId = claim.nodeId();
    replaceWith(claim, now);
  }

  /** Takes the claim of a newer attestation of the same node. */
  public final void replaceWith(AttestationSummary claim, Instant now) {
    if (!claim.nodeId().equals(nodeId)) {
      throw new IllegalArgumentException("an attestation of another node");
    }
    this.eventId = claim.eventId();
    this.author = claim.author();
    this.byNode = claim.byNode();
    this.tee = claim.tee();
    this.measurement = claim.measurement();
    this.quoteSha256 = claim.quoteSha256();
    this.quoteBytes = claim.quoteBytes();
    this.issuedAt = claim.issuedAt();
    this.expiresAt = claim.expiresAt();
    this.receivedAt = now;
  }

  public AttestationSummary summary() {
    return new AttestationSummary(
        eventId,
        nodeId,
        author,
        byNode,
        tee,
        measurement,
        quoteSha256,
        quoteBytes,
        issuedAt,
        expiresAt);
  }
}
