package org.hearth.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.domain.reputation.NodeReview;
import org.hearth.domain.reputation.ReviewRepository;
import org.hearth.domain.reputation.ReviewStats;

/** {@link ReviewRepository} on JPA; runs in the calling EJB's transaction. */
@ApplicationScoped
public class JpaReviewRepository implements ReviewRepository {

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Override
  public Optional<NodeReview> find(String vmId) {
    return Optional.ofNullable(em.find(NodeReview.class, vmId));
  }

  @Override
  public List<NodeReview> latestSince(Instant since, int limit) {
    return em.createQuery(
            "SELECT r FROM NodeReview r WHERE r.createdAt >= :since"
                + " ORDER BY r.createdAt DESC, r.vmId",
            NodeReview.class)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(NodeReview review) {
    em.persist(review);
    em.flush(); // a concurrent second review fails here, on the primary key
  }

  @Override
  public List<NodeReview> latestOf(String nodeId, int limit) {
    return em.createQuery(
            "SELECT r FROM NodeReview r WHERE r.nodeId = :node"
                + " ORDER BY r.createdAt DESC, r.vmId",
            NodeReview.class)
        .setParameter("node", nodeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Map<String, ReviewStats> statsPerNode() {
    Map<String, ReviewStats> stats = new HashMap<>();
    em.createQuery(
            "SELECT r.nodeId, COUNT(r), SUM(r.rating) FROM NodeReview r GROUP BY r.nodeId",
            Object[].class)
        .getResultStream()
        .forEach(
            row ->
                stats.put(
                    (String) row[0],
                    new ReviewStats(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
    return stats;
  }
}
