package org.hearth.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in session. Only the hash of its bearer token is kept; it ends at {@code expiresAt},
 * after an idle timeout, or when revoked.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

  @Id private String id;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(name = "account_id", nullable = false, updatable = false)
  private String accountId;

  @Enumerated(EnumType.STRING)
  @Column(name = "method", nullable = false, updatable = false)
  private SignInMethod method;

  @Column(name = "user_agent", updatable = false)
  private String userAgent;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at", nullable = false)
  private Instant lastUsedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected AuthSession() {}

  public AuthSession(
      String tokenHash,
      String accountId,
      SignInMethod method,
      String userAgent,
      Instant now,
      Duration ttl) {
    this.id = UUID.randomUUID().toString();
    this.tokenHash = tokenHash;
    this.accountId = accountId;
    this.method = method;
    this.userAgent = userAgent;
    this.createdAt = now;
    this.lastUsedAt = now;
    this.expiresAt = now.plus(ttl);
  }

  /** Whether the session still admits requests at {@code now}. */
  public boolean isActive(Instant now, Duration idleTimeout) {
    return revokedAt == null
        && now.isBefore(expiresAt)
        && now.isBefore(lastUsedAt.plus(idleTimeout));
  }

  public void used(Instant now) {
    lastUsedAt = now;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public SignInMethod method() {
    return method;
  }

  public String userAgent() {
    return userAgent;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
