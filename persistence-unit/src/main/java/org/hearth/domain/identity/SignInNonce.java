package org.hearth.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A nonce handed out for one sign-in; deleted when it is used. */
@Entity
@Table(name = "sign_in_nonce")
public class SignInNonce {

  @Id
  @Column(name = "nonce")
  private String nonce;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false)
  private SignInMethod purpose;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected SignInNonce() {}

  public SignInNonce(String nonce, SignInMethod purpose, Instant expiresAt) {
    this.nonce = nonce;
    this.purpose = purpose;
    this.expiresAt = expiresAt;
  }
}
