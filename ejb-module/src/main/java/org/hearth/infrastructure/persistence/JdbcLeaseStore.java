package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hearth.domain.billing.BilledTime;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.Lease;
import org.hearth.domain.billing.LeaseStore;
import org.hearth.domain.vm.VmState;

/** Leases and charges in plain JDBC with batched statements (see {@link JdbcLedgerStore}). */
@ApplicationScoped
public class JdbcLeaseStore implements LeaseStore {

  /** The columns of {@code lease_charge} that {@link #charge} reads. */
  static final String CHARGE_COLUMNS =
      "vm_id, period_start, period_end, tenant_account_id, node_id, earner, price_per_hour,"
          + " held, billed_seconds, charged, fee";

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  /** Whether the database is PostgreSQL, once known. */
  private volatile Boolean postgres;

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
    // Oldest due first (none starves when a cycle runs late), a tenant's leases together.
    try (Connection c = dataSource.getConnection()) {
      return lockDue(
          c,
          "SELECT vm_id, tenant_account_id, node_id, earner, price_per_hour, opened_at, held_until"
              + " FROM lease WHERE closed_at IS NULL AND held_until <= ?"
              + " ORDER BY closed_at, held_until, tenant_account_id, vm_id",
          until,
          limit,
          rs ->
              new Lease(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  Sql.instant(rs, 6),
                  Sql.instant(rs, 7)),
          Lease::tenantAccountId);
    } catch (SQLException e) {
      throw new PersistenceFailure("finding leases due for a hold", e);
    }
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Locks up to {@code limit} due rows, skipping rows other batches hold, and returns those of the
   * tenants it could claim as well: whose available balance, the first balance the ledger locks for
   * a tenant ({@link JdbcLedgerStore#lockBalances} goes by account type), no other batch holds, or
   * who have none yet. The rows of the other tenants stay locked, untouched, until this batch ends;
   * when there are no others, all rows are returned, and their balances waited for.
   *
   * <p>Two servers' batches locking due rows at the same moment split tenants between them, and
   * each then waited for the balances the other held (bench/README.md, "Billing cycle", run AD).
   *
   * @param dueInOrder the query of due rows in due order, with one parameter, {@code bound}
   */
  private static <T> List<T> lockDue(
      Connection c,
      String dueInOrder,
      Instant bound,
      int limit,
      RowMapper<T> rows,
      Function<T, String> tenantOf)
      throws SQLException {
    List<T> locked = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(dueInOrder + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
      Sql.setInstant(ps, 1, bound);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          locked.add(rows.map(rs));
        }
      }
    }
    Set<String> tenants = new LinkedHashSet<>();
    locked.forEach(row -> tenants.add(tenantOf.apply(row)));
    Set<String> claimed = claimTenants(c, tenants);
    if (claimed.isEmpty()) {
      return locked; // other batches hold every one of these tenants: wait for them, as before
    }
    return locked.stream().filter(row -> claimed.contains(tenantOf.apply(row))).toList();
  }

  /**
   * The tenants among these whose available balance this transaction could lock, or who have none.
   */
  private static Set<String> claimTenants(Connection c, Set<String> tenants) throws SQLException {
    if (tenants.isEmpty()) {
      return tenants;
    }
    Set<String> claimed = new HashSet<>();
    Sql.eachRowIn(
        c,
        "SELECT owner FROM ledger_balance WHERE account_type = 'TENANT_AVAILABLE'"
            + " AND owner IN (%s) FOR UPDATE SKIP LOCKED",
        tenants,
        rs -> claimed.add(rs.getString(1)));
    if (claimed.size() < tenants.size()) {
      Set<String> withBalance = new HashSet<>(claimed);
      Sql.eachRowIn(
          c,
          "SELECT owner FROM ledger_balance WHERE account_type = 'TENANT_AVAILABLE'"
              + " AND owner IN (%s)",
          tenants.stream().filter(t -> !claimed.contains(t)).toList(),
          rs -> withBalance.add(rs.getString(1)));
      tenants.stream().filter(t -> !withBalance.contains(t)).forEach(claimed::add);
    }
    return claimed;
  }

  @Override
  public void insertCharges(List<Charge> charges) {
    BulkInsert insert =
        new BulkInsert(
            "lease_charge",
            "vm_id varchar",
            "period_start timestamptz",
            "period_end timestamptz",
            "tenant_account_id varchar",
            "node_id varchar",
            "earner varchar",
            "price_per_hour int8",
            "held int8");
    charges.forEach(
        charge ->
            insert.add(
                charge.vmId(),
                charge.periodStart(),
                charge.periodEnd(),
                charge.tenantAccountId(),
                charge.nodeId(),
                charge.earner(),
                charge.pricePerHour(),
                charge.held()));
    try (Connection c = dataSource.getConnection()) {
      insert.execute(c);
    } catch (SQLException e) {
      throw new PersistenceFailure("inserting charges", e);
    }
  }

  @Override
  public void extendHeld(Collection<String> vmIds, Duration period) {
    // One statement for the whole batch rather than one per lease (bench/README.md, "Billing
    // cycle", run AB). The period is configuration, not input, so it is written into the SQL.
    String seconds = BigDecimal.valueOf(period.toMillis(), 3).toPlainString();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE lease SET held_until = held_until + INTERVAL '"
                    + seconds
                    + "' SECOND WHERE vm_id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("VARCHAR", vmIds.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("moving leases' held-until forward", e);
    }
  }

  @Override
  public List<Charge> lockDueForSettlement(Instant now, int limit) {
    // In the order of lockDueForHold, for the same reasons.
    try (Connection c = dataSource.getConnection()) {
      return lockDue(
          c,
          "SELECT "
              + CHARGE_COLUMNS
              + " FROM lease_charge WHERE settled_at IS NULL AND period_end <= ?"
              + " ORDER BY settled_at, period_end, tenant_account_id, vm_id, period_start",
          now,
          limit,
          JdbcLeaseStore::charge,
          Charge::tenantAccountId);
    } catch (SQLException e) {
      throw new PersistenceFailure("finding charges due for settlement", e);
    }
  }

  @Override
  public Set<String> markSettled(List<Charge> settled, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      return isPostgres(c)
          ? markSettledAtOnce(c, settled, at)
          : markSettledOneByOne(c, settled, at);
    } catch (SQLException e) {
      throw new PersistenceFailure("settling charges", e);
    }
  }

  /**
   * PostgreSQL: one {@code UPDATE ... FROM unnest(...)} for the batch costs about 30% less database
   * time per charge than a batch of one-row updates (bench/README.md, "Billing cycle", run AC). H2
   * has no {@code UPDATE ... FROM}, and {@code MERGE} would need PostgreSQL 15.
   */
  private static Set<String> markSettledAtOnce(Connection c, List<Charge> settled, Instant at)
      throws SQLException {
    int n = settled.size();
    String[] vmIds = new String[n];
    String[] periodStarts = new String[n];
    Long[] seconds = new Long[n];
    Long[] charged = new Long[n];
    Long[] fees = new Long[n];
    for (int i = 0; i < n; i++) {
      Charge charge = settled.get(i);
      vmIds[i] = charge.vmId();
      periodStarts[i] = charge.periodStart().toString();
      seconds[i] = charge.billedSeconds();
      charged[i] = charge.charged();
      fees[i] = charge.fee();
    }
    Set<String> changed = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE lease_charge c SET billed_seconds = v.seconds, charged = v.charged,"
                + " fee = v.fee, settled_at = ? FROM unnest(?::varchar[], ?::timestamptz[],"
                + " ?::bigint[], ?::bigint[], ?::bigint[]) AS v(vm_id, period_start, seconds,"
                + " charged, fee) WHERE c.vm_id = v.vm_id AND c.period_start = v.period_start"
                + " AND c.settled_at IS NULL RETURNING c.vm_id, c.period_start")) {
      Sql.setInstant(ps, 1, at);
      ps.setArray(2, c.createArrayOf("varchar", vmIds));
      ps.setArray(3, c.createArrayOf("timestamptz", periodStarts));
      ps.setArray(4, c.createArrayOf("int8", seconds));
      ps.setArray(5, c.createArrayOf("int8", charged));
      ps.setArray(6, c.createArrayOf("int8", fees));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changed.add(LeaseStore.key(rs.getString(1), Sql.instant(rs, 2)));
        }
      }
    }
    return changed;
  }

  private static Set<String> markSettledOneByOne(Connection c, List<Charge> settled, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
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
    }
  }

  private boolean isPostgres(Connection c) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
      postgres = known;
    }
    return known;
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
    // Leases first: the update waits for a hold batch that has locked one of them, so the charge
    // that batch inserted (still naming the old earner) is committed, and moved, by the second.
    try (Connection c = dataSource.getConnection();
        PreparedStatement leases =
            c.prepareStatement(
                "UPDATE lease SET earner = ? WHERE earner = ? AND closed_at IS NULL");
        PreparedStatement charges =
            c.prepareStatement("UPDATE lease_charge SET earner = ? WHERE earner = ?")) {
      for (PreparedStatement ps : List.of(leases, charges)) {
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
