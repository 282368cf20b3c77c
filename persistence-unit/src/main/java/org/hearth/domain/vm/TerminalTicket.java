package org.hearth.domain.vm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time permission to open a terminal on a VM, stored by the hash of its secret. */
@Entity
@Table(name = "terminal_ticket")
public class TerminalTicket {

  @Id
  @Column(name = "ticket_hash")
  private String ticketHash;

  @Column(name = "vm_id", nullable = false)
  private String vmId;

  @Column(name = "account_id")
  private String accountId;

  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected TerminalTicket() {}

  public TerminalTicket(
      String ticketHash, String vmId, String accountId, String sessionId, Instant expiresAt) {
    this.ticketHash = ticketHash;
    this.vmId = vmId;
    this.accountId = accountId;
    this.sessionId = sessionId;
    this.expiresAt = expiresAt;
  }

  public String vmId() {
    return vmId;
  }

  public String accountId() {
    return accountId;
  }

  public String sessionId() {
    return sessionId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
