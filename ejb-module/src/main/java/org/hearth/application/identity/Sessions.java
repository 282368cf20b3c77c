package org.hearth.application.identity;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hearth.domain.identity.AuthSession;
import org.hearth.domain.identity.SignInMethod;
import org.hearth.protocol.nostr.Sha256;

/**
 * Sessions: 256-bit random bearer tokens, of which only the SHA-256 is stored. Every request looks
 * the session up in the database, so a revocation holds at once on every server.
 */
@Stateless
public class Sessions {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

  @Inject IdentitySettings settings;
  @Inject Event<SessionEnded> ended;
  @Inject Clock clock;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  /** A new session: the token is shown once, here. */
  public record Opened(String token, AuthSession session) {}

  /** Whom a valid token speaks for. */
  public record Caller(String sessionId, String accountId) {}

  public Opened open(String accountId, SignInMethod method, String userAgent) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    AuthSession session =
        new AuthSession(
            hash(token), accountId, method, userAgent, clock.instant(), settings.sessionTtl());
    em.persist(session);
    return new Opened(token, session);
  }

  /**
   * The caller a token belongs to, if its session is active. Marks the session used, at most about
   * once per tenth of the idle timeout, so busy sessions do not write on every request.
   */
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<AuthSession> found = byTokenHash(hash(token));
    if (found.isEmpty() || !found.get().isActive(now, settings.sessionIdleTimeout())) {
      return Optional.empty();
    }
    AuthSession session = found.get();
    Duration touchEvery = settings.sessionIdleTimeout().dividedBy(10);
    if (touchEvery.compareTo(MAX_TOUCH_INTERVAL) > 0) {
      touchEvery = MAX_TOUCH_INTERVAL;
    }
    if (session.lastUsedAt().plus(touchEvery).isBefore(now)) {
      session.used(now);
    }
    return Optional.of(new Caller(session.id(), session.accountId()));
  }

  /** Whether the session is still active (for open terminals). */
  public boolean isActive(String sessionId) {
    AuthSession session = em.find(AuthSession.class, sessionId);
    return session != null && session.isActive(clock.instant(), settings.sessionIdleTimeout());
  }

  /** The account's active sessions, newest first. */
  public List<AuthSession> active(String accountId) {
    Instant now = clock.instant();
    return em
        .createQuery(
            "SELECT s FROM AuthSession s WHERE s.accountId = :account AND s.revokedAt IS NULL"
                + " AND s.expiresAt > :now ORDER BY s.createdAt DESC, s.id",
            AuthSession.class)
        .setParameter("account", accountId)
        .setParameter("now", now)
        .getResultList()
        .stream()
        .filter(s -> s.isActive(now, settings.sessionIdleTimeout()))
        .toList();
  }

  /** Ends one of the account's sessions (idempotent). */
  public void revoke(String accountId, String sessionId) {
    AuthSession session = em.find(AuthSession.class, sessionId);
    if (session == null || !session.accountId().equals(accountId)) {
      throw new UnknownSessionException(sessionId);
    }
    session.revoke(clock.instant());
    ended.fire(new SessionEnded(sessionId));
  }

  /** Drops sessions that ended more than a day ago. */
  public int forgetEnded(Instant now) {
    Instant dayAgo = now.minus(Duration.ofDays(1));
    return em.createQuery(
            "DELETE FROM AuthSession s WHERE s.expiresAt < :dayAgo OR s.revokedAt < :dayAgo"
                + " OR s.lastUsedAt < :idleSince")
        .setParameter("dayAgo", dayAgo)
        .setParameter("idleSince", dayAgo.minus(settings.sessionIdleTimeout()))
        .executeUpdate();
  }

  private Optional<AuthSession> byTokenHash(String tokenHash) {
    return em.createQuery(
            "SELECT s FROM AuthSession s WHERE s.tokenHash = :hash", AuthSession.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  private static String hash(String token) {
    return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
  }
}
