package org.hearth.application.compute;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.hearth.domain.compute.NostrIdentity;
import org.hearth.protocol.nostr.NostrKeyPair;

/** The marketplace's own Nostr keys, kept in the database so that every server signs alike. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NostrIdentities {

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Inject Clock clock;

  /**
   * The secret key (hex) named {@code name}, made now if there is none. Two servers making it at
   * once collide on the name; the loser's caller asks again and reads the winner's.
   */
  public String loadOrCreate(String name) {
    NostrIdentity found = em.find(NostrIdentity.class, name);
    if (found != null) {
      return found.secretKeyHex();
    }
    String secret = NostrKeyPair.generate().secretKeyHex();
    em.persist(new NostrIdentity(name, secret, clock.instant()));
    em.flush();
    return secret;
  }
}
