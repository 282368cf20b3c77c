package org.hearth.domain.compute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Nostr key the marketplace itself signs with, kept so that every server signs alike. */
@Entity
@Table(name = "nostr_identity")
public class NostrIdentity {

  @Id
  @Column(name = "name")
  private String name;

  @Column(name = "secret_key", nullable = false, updatable = false)
  private String secretKeyHex;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected NostrIdentity() {}

  public NostrIdentity(String name, String secretKeyHex, Instant now) {
    this.name = name;
    this.secretKeyHex = secretKeyHex;
    this.createdAt = now;
  }

  public String secretKeyHex() {
    return secretKeyHex;
  }
}
