package org.hearth.application.reputation;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.NodeAttestation;

/**
 * The nodes' attestations (kind 10033) the marketplace accepted: the newest per node, counted in
 * its reputation while it has not expired.
 */
@Stateless
public class Attestations {

  private static final System.Logger LOG = System.getLogger(Attestations.class.getName());

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Inject Event<NodeAttested> attested;
  @Inject Clock clock;

  /**
   * Keeps a checked claim if it is its node's newest; the same or an older one changes nothing.
   * Either way, as on the relay (kind 10033 is replaceable), it withdraws its author's older
   * attestations of other nodes.
   *
   * @return whether it was kept
   */
  public boolean record(AttestationSummary claim) {
    NodeAttestation stored =
        em.find(NodeAttestation.class, claim.nodeId(), LockModeType.PESSIMISTIC_WRITE);
    removeOlder(claim.author(), claim.issuedAt(), claim.eventId(), claim.nodeId());
    if (stored != null && !claim.newerThan(stored.summary())) {
      return false;
    }
    if (stored == null) {
      em.persist(new NodeAttestation(claim, clock.instant()));
    } else {
      stored.replaceWith(claim, clock.instant());
    }
    LOG.log(
        System.Logger.Level.INFO,
        "node {0}: attestation {1} ({2}) by {3}",
        claim.nodeId(),
        claim.eventId(),
        claim.tee().tag(),
        claim.byNode() ? "the node" : "attester " + claim.author());
    attested.fire(new NodeAttested(claim.nodeId()));
    return true;
  }

  /**
   * Withdraws the author's attestations issued up to {@code upTo}, but {@code keepEventId}: the
   * relay dropped them for the author's newer 10033 (one it did not take), or a NIP-09 deletion of
   * the author's 10033 address removed them.
   */
  public void withdraw(String author, Instant upTo, String keepEventId) {
    removeOlder(author, upTo, keepEventId, "");
  }

  /** NIP-09: the author deleted these events. */
  public void forget(String author, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return;
    }
    remove(
        em.createQuery(
                "SELECT a.nodeId FROM NodeAttestation a WHERE a.author = :author"
                    + " AND a.eventId IN :ids",
                String.class)
            .setParameter("author", author)
            .setParameter("ids", eventIds)
            .getResultList());
  }

  /** The node's attestation, unless there is none or it has expired. */
  public Optional<AttestationSummary> current(String nodeId) {
    return Optional.ofNullable(em.find(NodeAttestation.class, nodeId))
        .map(NodeAttestation::summary)
        .filter(a -> a.expiresAt().isAfter(clock.instant()));
  }

  /** Every node's unexpired attestation at {@code now}, by node id. */
  public Map<String, AttestationSummary> currentPerNode(Instant now) {
    return em.createQuery(
            "SELECT a FROM NodeAttestation a WHERE a.expiresAt > :now", NodeAttestation.class)
        .setParameter("now", now)
        .getResultStream()
        .map(NodeAttestation::summary)
        .collect(Collectors.toMap(AttestationSummary::nodeId, a -> a));
  }

  private void removeOlder(String author, Instant upTo, String keepEventId, String exceptNode) {
    remove(
        em.createQuery(
                "SELECT a.nodeId FROM NodeAttestation a WHERE a.author = :author"
                    + " AND a.issuedAt <= :upTo AND a.eventId <> :keep AND a.nodeId <> :except",
                String.class)
            .setParameter("author", author)
            .setParameter("upTo", upTo)
            .setParameter("keep", keepEventId)
            .setParameter("except", exceptNode)
            .getResultList());
  }

  private void remove(List<String> nodeIds) {
    for (String nodeId : nodeIds) {
      NodeAttestation gone = em.find(NodeAttestation.class, nodeId);
      if (gone != null) {
        em.remove(gone);
        LOG.log(System.Logger.Level.INFO, "node {0}: attestation withdrawn", nodeId);
        attested.fire(new NodeAttested(nodeId));
      }
    }
  }
}
