package org.hearth.application.identity;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.hearth.domain.identity.UsedAuthEvent;
import org.hearth.protocol.nostr.nip98.ReplayGuard;

/**
 * The authorization events already used, kept in the database. The event id is the primary key, so
 * of two servers seeing the same event at once only one insert commits.
 */
@Stateless
@LocalBean
public class UsedAuthEvents implements ReplayGuard {

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean firstUse(String eventId, Instant expiresAt) {
    if (em.find(UsedAuthEvent.class, eventId) != null) {
      return false;
    }
    try {
      em.persist(new UsedAuthEvent(eventId, expiresAt));
      em.flush();
      return true;
    } catch (PersistenceException concurrentInsert) {
      return false;
    }
  }

  /** Forgets events that can no longer pass the time check anyway. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int forgetExpired(Instant now) {
    return em.createQuery("DELETE FROM UsedAuthEvent e WHERE e.expiresAt < :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}
