package org.hearth.domain.compute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's job request (Nostr kind 5900) on its way: bid on, then maybe accepted, which starts a
 * VM whose states are published as they change.
 */
@Entity
@Table(name = "compute_job")
public class ComputeJob {

  @Id
  @Column(name = "request_id")
  private String requestId;

  @Column(name = "tenant_pubkey", nullable = false, updatable = false)
  private String tenantPubkey;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "accepted_bid")
  private String acceptedBid;

  @Column(name = "vm_id")
  private String vmId;

  @Column(name = "published_state")
  private String publishedState;

  protected ComputeJob() {}

  public ComputeJob(String requestId, String tenantPubkey, Instant now) {
    this.requestId = requestId;
    this.tenantPubkey = tenantPubkey;
    this.receivedAt = now;
  }

  /**
   * Records the accepted bid and the VM it started.
   *
   * @throws IllegalStateException when another bid was accepted already
   */
  public void accept(String bidId, String vmId) {
    if (acceptedBid != null && !acceptedBid.equals(bidId)) {
      throw new IllegalStateException("bid " + acceptedBid + " was accepted already");
    }
    this.acceptedBid = bidId;
    this.vmId = vmId;
  }

  /** Whether {@code state} is news: not the last state published. */
  public boolean publishes(String state) {
    if (Objects.equals(state, publishedState)) {
      return false;
    }
    publishedState = state;
    return true;
  }

  public String requestId() {
    return requestId;
  }

  public String tenantPubkey() {
    return tenantPubkey;
  }

  public String acceptedBid() {
    return acceptedBid;
  }

  public String vmId() {
    return vmId;
  }
}
