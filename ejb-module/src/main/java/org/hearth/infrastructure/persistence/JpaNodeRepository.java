package org.hearth.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hearth.domain.node.MissedHeartbeats;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeQuery;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;

/**
 * {@link NodeRepository} on JPA, in the calling EJB's transaction. Instants are compared with
 * mapped attributes directly, never inside COALESCE: EclipseLink converts a parameter only when it
 * meets an attribute, and the PostgreSQL driver cannot bind a raw {@code Instant}.
 */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

  /** Ids bound in one {@code IN} list (PostgreSQL takes at most 32,767 parameters a statement). */
  private static final int MAX_IDS_PER_QUERY = 1_000;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Override
  public Optional<Node> find(String id) {
    return Optional.ofNullable(em.find(Node.class, id));
  }

  @Override
  public void add(Node node) {
    em.persist(node);
  }

  @Override
  public List<Node> online(Instant heardSince) {
    return em.createQuery(
            "SELECT n FROM Node n WHERE n.status = :online AND n.lastHeartbeatAt >= :heardSince",
            Node.class)
        .setParameter("online", NodeStatus.ONLINE)
        .setParameter("heardSince", heardSince)
        // All nodes' tags in one more query, not one per node.
        .setHint("eclipselink.batch", "n.tags")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  @Override
  public List<Node> all() {
    return readOnly(em.createQuery("SELECT n FROM Node n", Node.class)).getResultList();
  }

  @Override
  public Map<String, Long> versions() {
    Map<String, Long> versions = new HashMap<>();
    em.createQuery("SELECT n.id, n.version FROM Node n", Object[].class)
        .getResultStream()
        .forEach(row -> versions.put((String) row[0], ((Number) row[1]).longValue()));
    return versions;
  }

  @Override
  public List<Node> withIds(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<Node> found = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY));
      found.addAll(
          readOnly(em.createQuery("SELECT n FROM Node n WHERE n.id IN :ids", Node.class))
              .setParameter("ids", chunk)
              .getResultList());
    }
    return found;
  }

  /** Tags and GPUs batch-read; not registered in the transaction (no copies, no comparison). */
  private static TypedQuery<Node> readOnly(TypedQuery<Node> query) {
    return query
        .setHint("eclipselink.batch", "n.tags")
        .setHint("eclipselink.batch", "n.gpus")
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.read-only", "true");
  }

  @Override
  public Map<LocalDate, Long> missedByDay(String nodeId, LocalDate from) {
    Map<LocalDate, Long> days = new TreeMap<>();
    em.createQuery(
            "SELECT m.key.day, m.missed FROM MissedHeartbeats m"
                + " WHERE m.key.nodeId = :node AND m.key.day >= :from",
            Object[].class)
        .setParameter("node", nodeId)
        .setParameter("from", from)
        .getResultList()
        .forEach(row -> days.put((LocalDate) row[0], ((Number) row[1]).longValue()));
    return days;
  }

  @Override
  public List<Node> operatedBy(String accountId) {
    return em.createQuery(
            "SELECT n FROM Node n WHERE n.operatorAccountId = :account"
                + " ORDER BY n.registeredAt DESC, n.id",
            Node.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public Optional<Node> lock(String id) {
    // One SELECT ... FOR UPDATE. Should this transaction have read the node unlocked before, and
    // the copy be stale, the version column fails the commit instead of losing an update.
    return Optional.ofNullable(em.find(Node.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<Node> search(NodeQuery query) {
    return filtered(
            query, "SELECT n FROM Node n", Node.class, " ORDER BY n.registeredAt DESC, n.id")
        .setFirstResult(query.page() * query.size())
        .setMaxResults(query.size())
        .getResultList();
  }

  @Override
  public long count(NodeQuery query) {
    return filtered(query, "SELECT COUNT(n) FROM Node n", Long.class, "").getSingleResult();
  }

  private <T> TypedQuery<T> filtered(NodeQuery query, String select, Class<T> type, String order) {
    StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
    if (query.status() != null) {
      jpql.append(" AND n.status = :status");
    }
    if (query.region() != null) {
      jpql.append(" AND n.region = :region");
    }
    TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type);
    if (query.status() != null) {
      typed.setParameter("status", query.status());
    }
    if (query.region() != null) {
      typed.setParameter("region", query.region());
    }
    return typed;
  }

  @Override
  public int markOfflineIfSilentSince(Instant cutoff, Instant heardSince) {
    // A bulk update bypasses @Version, so it bumps the version itself: a heartbeat that read the
    // node before this update then fails to commit instead of silently undoing it.
    return em.createQuery(
            "UPDATE Node n SET n.status = :offline, n.version = n.version + 1"
                + " WHERE n.status = :online AND n.lastHeartbeatAt < :cutoff"
                + " AND n.lastHeartbeatAt >= :heardSince")
        .setParameter("offline", NodeStatus.OFFLINE)
        .setParameter("online", NodeStatus.ONLINE)
        .setParameter("cutoff", cutoff)
        .setParameter("heardSince", heardSince)
        .executeUpdate();
  }

  @Override
  public List<String> offlineNodeIdsSeenBefore(Instant due) {
    return em.createQuery(
            "SELECT n.id FROM Node n WHERE n.status = :offline"
                + " AND (n.lastHeartbeatAt <= :due"
                + " OR (n.lastHeartbeatAt IS NULL AND n.registeredAt <= :due))"
                + " AND (n.downtimeCountedUntil IS NULL OR n.downtimeCountedUntil <= :due)",
            String.class)
        .setParameter("offline", NodeStatus.OFFLINE)
        .setParameter("due", due)
        .getResultList();
  }

  @Override
  public void addMissed(String nodeId, LocalDate day, long intervals) {
    MissedHeartbeats row = em.find(MissedHeartbeats.class, new MissedHeartbeats.Key(nodeId, day));
    if (row == null) {
      row = new MissedHeartbeats(nodeId, day);
      em.persist(row);
    }
    row.add(intervals);
  }

  @Override
  public Map<String, Long> missedSince(Collection<String> nodeIds, LocalDate from) {
    Map<String, Long> missed = new HashMap<>();
    if (nodeIds.isEmpty()) {
      return missed;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT m.key.nodeId, SUM(m.missed) FROM MissedHeartbeats m"
                    + " WHERE m.key.nodeId IN :ids AND m.key.day >= :from GROUP BY m.key.nodeId",
                Object[].class)
            .setParameter("ids", nodeIds)
            .setParameter("from", from)
            .getResultList();
    for (Object[] row : rows) {
      missed.put((String) row[0], ((Number) row[1]).longValue());
    }
    return missed;
  }

  @Override
  public Map<String, Long> missedPerNodeSince(LocalDate from) {
    Map<String, Long> missed = new HashMap<>();
    em.createQuery(
            "SELECT m.key.nodeId, SUM(m.missed) FROM MissedHeartbeats m"
                + " WHERE m.key.day >= :from GROUP BY m.key.nodeId",
            Object[].class)
        .setParameter("from", from)
        .getResultStream()
        .forEach(row -> missed.put((String) row[0], ((Number) row[1]).longValue()));
    return missed;
  }

  @Override
  public int dropMissedBefore(LocalDate day) {
    return em.createQuery("DELETE FROM MissedHeartbeats m WHERE m.key.day < :day")
        .setParameter("day", day)
        .executeUpdate();
  }

  @Override
  public void addOutage(String nodeId, Instant from, Instant to) {
    em.createNativeQuery(
            "INSERT INTO node_outage (node_id, started_at, ended_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, nodeId)
        .setParameter(2, from.atOffset(ZoneOffset.UTC))
        .setParameter(3, to.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
