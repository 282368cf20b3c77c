package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hearth.domain.billing.BilledTime;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.Lease;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.vm.VmState;

/** Leases and charges in plain JDBC with batched statements (see {@link JdbcLedgerStore}). */
@ApplicationScoped
public class JdbcLeaseStore implements LeaseStore {

  /** The columns {@link #charge} reads, from {@code lease_charge c JOIN lease l}. */
  static final String CHARGE_COLUMNS =
      "c.vm_id, c.period_start, c.period_end, c.tenant_account_id, c.node_id, c.earner,"
          + " l.price_per_hour, c.held, c.billed_seconds, c.charged, c.fee";

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public void open(Lease lease) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement reopen =
            c.prepareStatement(
                "UPDATE lease SET tenant_account_id = ?, node_id = ?, earner = ?,"
                    + " price_per_hour = ?, opened_at = ?, held_until = ?, closed_at = NULL"
                    + " WHERE vm_id = ?")) {
      reopen.setString(1, lease.tenantAccountId());
      reopen.setString(2, lease.nodeId());
      reopen.setString(3, lease.earner());
      reopen.setLong(4, lease.pricePerHour());
      Sql.setInstant(reopen, 5, lease.openedAt());
      Sql.setInstant(reopen, 6, lease.heldUntil());
      reopen.setString(7, lease.vmId());
      if (reopen.executeUpdate() == 1) {
        return;
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO lease (vm_id, tenant_account_id, node_id, earner, price_per_hour,"
                  + " opened_at, held_until) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, lease.vmId());
        insert.setString(2, lease.tenantAccountId());
        insert.setString(3, lease.nodeId());
        insert.setString(4, lease.earner());
        insert.setLong(5, lease.pricePerHour());
        Sql.setInstant(insert, 6, lease.openedAt());
        Sql.setInstant(insert, 7, lease.heldUntil());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("opening the lease of vm " + lease.vmId(), e);
    }
  }

  @Override
  public void close(String vmId, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lease =
            c.prepareStatement(
                "UPDATE lease SET closed_at = ? WHERE vm_id = ? AND closed_at IS NULL");
        PreparedStatement charges =
            c.prepareStatement(
                // A period held in advance that had not begun ends where it begins: empty.
                "UPDATE lease_charge SET period_end = CASE WHEN period_start > ? THEN period_start"
                    + " ELSE ? END WHERE vm_id = ? AND settled_at IS NULL AND period_end > ?")) {
      Sql.setInstant(lease, 1, at);
      lease.setString(2, vmId);
      if (lease.executeUpdate() == 1) {
        Sql.setInstant(charges, 1, at);
        Sql.setInstant(charges, 2, at);
        charges.setString(3, vmId);
        Sql.setInstant(charges, 4, at);
        charges.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("closing the lease of vm " + vmId, e);
    }
  }

  @Override
  public List<Lease> lockDueForHold(Instant until, int limit) {
    // Oldest due first (none starves when a cycle runs late), a tenant's leases together (few
    // balances per batch); rows another server's batch holds are skipped, not waited for.
    String sql =
        "SELECT vm_id, tenant_account_id, node_id, earner, price_per_hour, opened_at, held_until"
            + " FROM lease WHERE closed_at IS NULL AND held_until <= ?"
            + " ORDER BY closed_at, held_until, tenant_account_id, vm_id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.setInstant(ps, 1, until);
      ps.setInt(2, limit);
      List<Lease> leases = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          leases.add(
              new Lease(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  Sql.instant(rs, 6),
                  Sql.instant(rs, 7)));
        }
      }
      return leases;
    } catch (SQLException e) {
      throw new PersistenceFailure("finding leases due for a hold", e);
    }
  }

  @Override
  public void insertCharges(List<Charge> charges) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lease_charge (vm_id, period_start, period_end, tenant_account_id,"
                    + " node_id, earner, held) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Charge charge : charges) {
        ps.setString(1, charge.vmId());
        Sql.setInstant(ps, 2, charge.periodStart());
        Sql.setInstant(ps, 3, charge.periodEnd());
        ps.setString(4, charge.tenantAccountId());
        ps.setString(5, charge.nodeId());
        ps.setString(6, charge.earner());
        ps.setLong(7, charge.held());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("inserting charges", e);
    }
  }

  @Override
  public void heldUntil(Map<String, Instant> heldUntilByVm) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE lease SET held_until = ? WHERE vm_id = ?")) {
      for (Map.Entry<String, Instant> e : heldUntilByVm.entrySet()) {
        Sql.setInstant(ps, 1, e.getValue());
        ps.setString(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("moving leases' held-until forward", e);
    }
  }

  @Override
  public List<Charge> lockDueForSettlement(Instant now, int limit) {
    // In the order of lockDueForHold, for the same reasons.
    String lock =
        "SELECT vm_id, period_start FROM lease_charge WHERE settled_at IS NULL AND period_end <= ?"
            + " ORDER BY settled_at, period_end, tenant_account_id, vm_id, period_start LIMIT ?"
            + " FOR UPDATE SKIP LOCKED";
    try (Connection c = dataSource.getConnection()) {
      List<Map.Entry<String, Instant>> locked = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(lock)) {
        Sql.setInstant(ps, 1, now);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            locked.add(Map.entry(rs.getString(1), Sql.instant(rs, 2)));
          }
        }
      }
      return lockedCharges(c, locked);
    } catch (SQLException e) {
      throw new PersistenceFailure("finding charges due for settlement", e);
    }
  }

  /**
   * Reads exactly the charges locked, not another period of the same VM (which may not be). By VM
   * id (one index scan) rather than by (VM, period) pairs (a plan of hundreds of OR-ed scans).
   */
  private static List<Charge> lockedCharges(Connection c, List<Map.Entry<String, Instant>> keys)
      throws SQLException {
    Set<String> wanted = new HashSet<>();
    keys.forEach(k -> wanted.add(LeaseStore.key(k.getKey(), k.getValue())));
    Set<String> vmIds = new HashSet<>();
    keys.forEach(k -> vmIds.add(k.getKey()));
    List<Charge> charges = new ArrayList<>();
    Sql.eachRowIn(
        c,
        "SELECT "
            + CHARGE_COLUMNS
            + " FROM lease_charge c JOIN lease l ON l.vm_id = c.vm_id"
            + " WHERE c.settled_at IS NULL AND c.vm_id IN (%s)",
        vmIds,
        rs -> {
          Charge charge = charge(rs);
          if (wanted.contains(LeaseStore.key(charge.vmId(), charge.periodStart()))) {
            charges.add(charge);
          }
        });
    return charges;
  }

  @Override
  public Set<String> markSettled(List<Charge> settled, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE lease_charge SET billed_seconds = ?, charged = ?, fee = ?, settled_at = ?"
                    + " WHERE vm_id = ? AND period_start = ? AND settled_at IS NULL")) {
      for (Charge charge : settled) {
        ps.setLong(1, charge.billedSeconds());
        ps.setLong(2, charge.charged());
        ps.setLong(3, charge.fee());
        Sql.setInstant(ps, 4, at);
        ps.setString(5, charge.vmId());
        Sql.setInstant(ps, 6, charge.periodStart());
        ps.addBatch();
      }
      return keysOfChangedRows(settled, ps.executeBatch());
    } catch (SQLException e) {
      throw new PersistenceFailure("settling charges", e);
    }
  }

  @Override
  public Map<String, List<BilledTime.StateChange>> stateChanges(Collection<String> vmIds) {
    Map<String, List<BilledTime.StateChange>> changes = new HashMap<>();
    String sql =
        "SELECT vm_id, to_state, at FROM vm_transition WHERE vm_id IN (%s) ORDER BY vm_id, seq";
    try (Connection c = dataSource.getConnection()) {
      Sql.eachRowIn(
          c,
          sql,
          vmIds,
          rs ->
              changes
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new BilledTime.StateChange(
                          Sql.instant(rs, 3), VmState.RUNNING.name().equals(rs.getString(2)))));
      return changes;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading VM state changes", e);
    }
  }

  @Override
  public Map<String, List<BilledTime.Outage>> outages(Collection<String> nodeIds) {
    Map<String, List<BilledTime.Outage>> outages = new HashMap<>();
    String past = "SELECT node_id, started_at, ended_at FROM node_outage WHERE node_id IN (%s)";
    String now =
        "SELECT id, COALESCE(last_heartbeat_at, registered_at) FROM node"
            + " WHERE status = 'OFFLINE' AND id IN (%s)";
    try (Connection c = dataSource.getConnection()) {
      Sql.eachRowIn(
          c,
          past,
          nodeIds,
          rs -> add(outages, rs.getString(1), Sql.instant(rs, 2), Sql.instant(rs, 3)));
      Sql.eachRowIn(c, now, nodeIds, rs -> add(outages, rs.getString(1), Sql.instant(rs, 2), null));
      return outages;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading node outages", e);
    }
  }

  @Override
  public void reassignEarner(String from, String to) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement charges =
            c.prepareStatement("UPDATE lease_charge SET earner = ? WHERE earner = ?");
        PreparedStatement leases =
            c.prepareStatement(
                "UPDATE lease SET earner = ? WHERE earner = ? AND closed_at IS NULL")) {
      for (PreparedStatement ps : List.of(charges, leases)) {
        ps.setString(1, to);
        ps.setString(2, from);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("moving earnings of " + from + " to " + to, e);
    }
  }

  @Override
  public Map<String, Long> openPricePerHour(Collection<String> tenantAccountIds) {
    Map<String, Long> prices = new HashMap<>();
    String sql =
        "SELECT tenant_account_id, SUM(price_per_hour) FROM lease WHERE closed_at IS NULL"
            + " AND tenant_account_id IN (%s) GROUP BY tenant_account_id";
    try (Connection c = dataSource.getConnection()) {
      Sql.eachRowIn(c, sql, tenantAccountIds, rs -> prices.put(rs.getString(1), rs.getLong(2)));
      return prices;
    } catch (SQLException e) {
      throw new PersistenceFailure("summing open leases' prices", e);
    }
  }

  private static void add(
      Map<String, List<BilledTime.Outage>> outages, String nodeId, Instant start, Instant end) {
    outages.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(new BilledTime.Outage(start, end));
  }

  /** A charge from the columns {@link #CHARGE_COLUMNS} select. */
  static Charge charge(ResultSet rs) throws SQLException {
    return new Charge(
        rs.getString(1),
        Sql.instant(rs, 2),
        Sql.instant(rs, 3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8),
        Sql.nullableLong(rs, 9),
        Sql.nullableLong(rs, 10),
        Sql.nullableLong(rs, 11));
  }

  private static Set<String> keysOfChangedRows(List<Charge> charges, int[] counts) {
    Set<String> changed = new HashSet<>();
    for (int i = 0; i < counts.length; i++) {
      // Some drivers answer SUCCESS_NO_INFO (-2) for a batched row: count it as changed.
      if (counts[i] != 0) {
        Charge charge = charges.get(i);
        changed.add(LeaseStore.key(charge.vmId(), charge.periodStart()));
      }
    }
    return changed;
  }
}
