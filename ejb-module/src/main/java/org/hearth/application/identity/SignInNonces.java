package org.hearth.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.hearth.domain.identity.SignInMethod;
import org.hearth.domain.identity.SignInNonce;
import org.hearth.protocol.nostr.Hex;

/**
 * Single-use nonces for sign-in messages. Using one deletes its row, so of two requests racing with
 * the same nonce (on any server of the cluster) only one succeeds.
 */
@Stateless
public class SignInNonces {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject IdentitySettings settings;
  @Inject Clock clock;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  /** A fresh nonce, and when it stops working. */
  public record Issued(String nonce, Instant expiresAt) {}

  /** 128 random bits as 32 hex digits (letters and digits, as EIP-4361 requires). */
  public Issued issue(SignInMethod purpose) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    Issued issued = new Issued(Hex.encode(random), clock.instant().plus(settings.nonceTtl()));
    em.persist(new SignInNonce(issued.nonce(), purpose, issued.expiresAt()));
    return issued;
  }

  /**
   * Uses up a nonce.
   *
   * @throws SignInException if it was never issued for this purpose, is used or has expired
   */
  public void consume(String nonce, SignInMethod purpose) {
    int deleted =
        em.createQuery(
                "DELETE FROM SignInNonce n WHERE n.nonce = :nonce AND n.purpose = :purpose"
                    + " AND n.expiresAt > :now")
            .setParameter("nonce", nonce)
            .setParameter("purpose", purpose)
            .setParameter("now", clock.instant())
            .executeUpdate();
    if (deleted != 1) {
      throw new SignInException("the nonce is unknown, already used or expired");
    }
  }

  public int forgetExpired(Instant now) {
    return em.createQuery("DELETE FROM SignInNonce n WHERE n.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}
