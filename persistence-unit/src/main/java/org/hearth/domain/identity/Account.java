package org.hearth.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person or program on Hearth, proven by one or more keys; created on first sign-in. */
@Entity
@Table(name = "account")
public class Account {

  @Id private String id;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "contact")
  private String contact;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Account() {}

  public Account(Instant now) {
    this.id = UUID.randomUUID().toString();
    this.createdAt = now;
  }

  public void rename(String displayName) {
    this.displayName = displayName;
  }

  public void changeContact(String contact) {
    this.contact = contact;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String contact() {
    return contact;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
