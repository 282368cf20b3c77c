package org.hearth.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed authorization event that has been used once and must not be accepted again. */
@Entity
@Table(name = "used_auth_event")
public class UsedAuthEvent {

  @Id
  @Column(name = "event_id")
  private String eventId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected UsedAuthEvent() {}

  public UsedAuthEvent(String eventId, Instant expiresAt) {
    this.eventId = eventId;
    this.expiresAt = expiresAt;
  }
}
