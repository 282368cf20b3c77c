package org.hearth.interfaces.rest.security;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/** The browser's session cookie: HttpOnly, SameSite=Strict, Secure on an https public URL. */
public final class SessionCookie {

  public static final String NAME = "hearth_session";

  private SessionCookie() {}

  public static NewCookie of(String token, Instant expiresAt, String publicBase) {
    long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).getSeconds());
    return build(token, (int) Math.min(Integer.MAX_VALUE, maxAge), publicBase);
  }

  /** A cookie that makes the browser forget the session. */
  public static NewCookie cleared(String publicBase) {
    return build("", 0, publicBase);
  }

  private static NewCookie build(String value, int maxAge, String publicBase) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(publicBase.startsWith("https:"))
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
