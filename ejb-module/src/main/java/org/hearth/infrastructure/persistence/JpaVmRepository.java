package org.hearth.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmMember;
import org.hearth.domain.vm.VmRepository;
import org.hearth.domain.vm.VmState;

/** {@link VmRepository} on JPA; runs in the calling EJB's transaction. */
@ApplicationScoped
public class JpaVmRepository implements VmRepository {

  private static final List<VmState> LIVE =
      List.of(VmState.SCHEDULED, VmState.PROVISIONING, VmState.RUNNING, VmState.STOPPING);

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  @Override
  public Optional<Vm> find(String id) {
    return Optional.ofNullable(em.find(Vm.class, id));
  }

  @Override
  public void add(Vm vm) {
    em.persist(vm);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public List<Vm> visibleTo(String accountId, int limit) {
    return em.createQuery(
            "SELECT v FROM Vm v WHERE v.ownerAccountId = :account OR v.id IN"
                + " (SELECT m.vmId FROM VmMember m WHERE m.accountId = :account)"
                + " ORDER BY v.createdAt DESC, v.id",
            Vm.class)
        .setParameter("account", accountId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean isMember(String vmId, String accountId) {
    return em.find(VmMember.class, new VmMember.Ref(vmId, accountId)) != null;
  }

  @Override
  public List<VmMember> members(String vmId) {
    return em.createQuery(
            "SELECT m FROM VmMember m WHERE m.vmId = :vm ORDER BY m.addedAt, m.accountId",
            VmMember.class)
        .setParameter("vm", vmId)
        .getResultList();
  }

  @Override
  public void addMember(String vmId, String accountId, Instant now) {
    if (!isMember(vmId, accountId)) {
      em.persist(new VmMember(vmId, accountId, now));
    }
  }

  @Override
  public void removeMember(String vmId, String accountId) {
    em.createQuery("DELETE FROM VmMember m WHERE m.vmId = :vm AND m.accountId = :account")
        .setParameter("vm", vmId)
        .setParameter("account", accountId)
        .executeUpdate();
  }

  @Override
  public List<Vm> liveOnNode(String nodeId) {
    return em.createQuery(
            "SELECT v FROM Vm v WHERE v.nodeId = :node AND v.state IN :live", Vm.class)
        .setParameter("node", nodeId)
        .setParameter("live", LIVE)
        .getResultList();
  }

  @Override
  public List<String> waiting() {
    return em.createQuery(
            "SELECT v.id FROM Vm v WHERE v.state = :requested AND v.waitUntil IS NOT NULL"
                + " ORDER BY v.createdAt",
            String.class)
        .setParameter("requested", VmState.REQUESTED)
        .getResultList();
  }

  @Override
  public List<String> expiredBefore(Instant now) {
    return em.createQuery(
            "SELECT v.id FROM Vm v WHERE v.state = :running AND v.expiresAt < :now", String.class)
        .setParameter("running", VmState.RUNNING)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public List<String> suspendedSince(Instant cutoff) {
    return em.createQuery(
            "SELECT v.id FROM Vm v WHERE v.state = :suspended AND v.suspendedAt <= :cutoff",
            String.class)
        .setParameter("suspended", VmState.SUSPENDED)
        .setParameter("cutoff", cutoff)
        .getResultList();
  }

  @Override
  public List<String> onNodesSilentSince(Instant cutoff, Instant heardSince) {
    return em.createQuery(
            "SELECT v.id FROM Vm v, Node n WHERE v.nodeId = n.id AND v.state IN :live"
                + " AND n.status = :offline"
                + " AND ((n.lastHeartbeatAt < :cutoff AND n.lastHeartbeatAt >= :heardSince)"
                + " OR (n.lastHeartbeatAt IS NULL AND n.registeredAt < :cutoff"
                + " AND n.registeredAt >= :heardSince))",
            String.class)
        .setParameter("live", LIVE)
        .setParameter("offline", NodeStatus.OFFLINE)
        .setParameter("cutoff", cutoff)
        .setParameter("heardSince", heardSince)
        .getResultList();
  }
}
