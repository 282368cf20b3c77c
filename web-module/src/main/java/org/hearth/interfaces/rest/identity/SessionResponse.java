package org.hearth.interfaces.rest.identity;

import java.time.Instant;
import org.hearth.domain.identity.AuthSession;

/** A session: the token only right after sign-in, never again. */
public class SessionResponse {
  public String id;
  public String token;
  public String method;
  public String userAgent;
  public Instant createdAt;
  public Instant lastUsedAt;
  public Instant expiresAt;
  public Boolean current;
  public AccountResponse account;

  static SessionResponse of(AuthSession session) {
    SessionResponse r = new SessionResponse();
    r.id = session.id();
    r.method = session.method().name();
    r.userAgent = session.userAgent();
    r.createdAt = session.createdAt();
    r.lastUsedAt = session.lastUsedAt();
    r.expiresAt = session.expiresAt();
    return r;
  }
}
