package org.hearth.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hearth.domain.billing.Charge;
import org.hearth.domain.billing.Lease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two billing batches at once, on PostgreSQL (H2's {@code SKIP LOCKED} is not PostgreSQL's, so this
 * runs in the PostgreSQL run of the integration tests only). A batch locks its due rows, then
 * claims their tenants by locking the tenants' available balances without waiting; it bills only
 * the claimed tenants' rows and keeps the others locked and untouched until it ends, and when
 * another batch holds every one of its tenants it takes them all (and waits for the balances later,
 * in the ledger). Tenants without a balance row (free VMs) count as claimed.
 */
class BillingClaimIT {

  private static final String ALICE = "tenant-alice";
  private static final String BOB = "tenant-bob";
  private static final String FREE = "tenant-free";
  private static final Instant NOW = Instant.now();

  private static String server;
  private static String database;

  /** The batch under test, and another transaction that holds what a concurrent batch would. */
  private Connection batch;

  private Connection other;

  @BeforeAll
  static void createDatabase() throws SQLException {
    String url = System.getenv("HEARTH_DB_URL");
    assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
    server = url.replaceFirst("^(jdbc:postgresql://[^/]+/).*$", "$1");
    database = "hearth_billing_claim_" + ProcessHandle.current().pid();
    admin("DROP DATABASE IF EXISTS " + database);
    admin("CREATE DATABASE " + database);
    Flyway.configure(BillingClaimIT.class.getClassLoader())
        .dataSource(server + database, user(), password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      admin("DROP DATABASE IF EXISTS " + database);
    }
  }

  @BeforeEach
  void fixtures() throws SQLException {
    batch = connect();
    other = connect();
    try (Connection c = DriverManager.getConnection(server + database, user(), password());
        Statement sql = c.createStatement()) {
      sql.execute("TRUNCATE lease_charge, lease, ledger_balance, vm, account CASCADE");
      for (String tenant : List.of(ALICE, BOB, FREE)) {
        sql.execute(
            "INSERT INTO account (id, display_name, created_at, version) VALUES ('%s', 't', now(), 0)"
                .formatted(tenant));
        for (int i = 0; i < 2; i++) {
          String vm = tenant + "-vm" + i;
          sql.execute(
              ("INSERT INTO vm (id, owner_account_id, name, vcpus, memory_mib, disk_gib, gpus,"
                      + " tier, runtime, command, env, outbound_network, tags_wish, core_shares,"
                      + " state, created_at, updated_at, version) VALUES ('%s', '%s', 'n', 1, 64, 1,"
                      + " 0, 'STANDARD', 'sandbox', 'true', '{}', FALSE, '', 12, 'RUNNING', now(),"
                      + " now(), 0)")
                  .formatted(vm, tenant));
          // Held until a minute ago: due for its next hold. Its last period ended then: due for
          // settlement.
          sql.execute(
              ("INSERT INTO lease (vm_id, tenant_account_id, node_id, earner, price_per_hour,"
                      + " opened_at, held_until) VALUES ('%s', '%s', 'node', 'node:node', 3600,"
                      + " now() - INTERVAL '2' MINUTE, now() - INTERVAL '1' MINUTE)")
                  .formatted(vm, tenant));
          sql.execute(
              ("INSERT INTO lease_charge (vm_id, period_start, period_end, tenant_account_id,"
                      + " node_id, earner, price_per_hour, held) VALUES ('%s',"
                      + " now() - INTERVAL '2' MINUTE, now() - INTERVAL '1' MINUTE, '%s', 'node',"
                      + " 'node:node', 3600, 60)")
                  .formatted(vm, tenant));
        }
      }
      // Alice and Bob pay; the free tenant's VMs run on a free node and have no balance yet.
      sql.execute(
          "INSERT INTO ledger_balance (account_type, owner, balance) VALUES"
              + " ('TENANT_AVAILABLE', '%s', 1000), ('TENANT_AVAILABLE', '%s', 1000)"
                  .formatted(ALICE, BOB));
    }
  }

  @AfterEach
  void endTransactions() throws SQLException {
    for (Connection c : new Connection[] {batch, other}) {
      if (c != null) {
        c.rollback();
        c.close();
      }
    }
  }

  @Test
  void aHoldBatchLeavesATenantAnotherBatchHoldsLockedForALaterBatch() throws SQLException {
    lockAvailableBalances(other, ALICE);

    List<Lease> due = store(batch).lockDueForHold(NOW, 500);

    assertEquals(vms(BOB, FREE), new TreeSet<>(due.stream().map(Lease::vmId).toList()));
    // Alice's leases stay locked by the batch (untouched), so no third batch takes them meanwhile.
    assertEquals(Set.of(), unlockedDueLeases());

    other.rollback();
    batch.rollback();
    List<Lease> later = store(batch).lockDueForHold(NOW, 500);
    assertEquals(vms(ALICE, BOB, FREE), new TreeSet<>(later.stream().map(Lease::vmId).toList()));
  }

  @Test
  void aSettlementBatchLeavesATenantAnotherBatchHoldsToALaterBatch() throws SQLException {
    lockAvailableBalances(other, BOB);

    List<Charge> due = store(batch).lockDueForSettlement(NOW, 500);

    assertEquals(vms(ALICE, FREE), new TreeSet<>(due.stream().map(Charge::vmId).toList()));
  }

  @Test
  void aBatchWhoseTenantsAnotherBatchAllHoldsTakesThemAll() throws SQLException {
    lockAvailableBalances(other, ALICE, BOB);
    closeLeasesOf(FREE);

    // Nothing else to do: the batch bills these and waits for their balances in the ledger.
    List<Lease> due = store(batch).lockDueForHold(NOW, 500);

    assertEquals(vms(ALICE, BOB), new TreeSet<>(due.stream().map(Lease::vmId).toList()));
  }

  private static void lockAvailableBalances(Connection c, String... tenants) throws SQLException {
    try (Statement sql = c.createStatement()) {
      for (String tenant : tenants) {
        try (ResultSet rs =
            sql.executeQuery(
                "SELECT balance FROM ledger_balance WHERE account_type = 'TENANT_AVAILABLE'"
                    + " AND owner = '%s' FOR UPDATE".formatted(tenant))) {
          assertEquals(true, rs.next(), tenant);
        }
      }
    }
  }

  private void closeLeasesOf(String tenant) throws SQLException {
    try (Connection c = DriverManager.getConnection(server + database, user(), password());
        Statement sql = c.createStatement()) {
      sql.execute("UPDATE lease SET closed_at = now() WHERE tenant_account_id = '" + tenant + "'");
    }
  }

  /** Due leases a third transaction could lock right now. */
  private Set<String> unlockedDueLeases() throws SQLException {
    Set<String> unlocked = new TreeSet<>();
    try (Connection third = connect();
        Statement sql = third.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT vm_id FROM lease WHERE closed_at IS NULL FOR UPDATE SKIP LOCKED")) {
      while (rs.next()) {
        unlocked.add(rs.getString(1));
      }
      third.rollback();
    }
    return unlocked;
  }

  private static Set<String> vms(String... tenants) {
    Set<String> vms = new TreeSet<>();
    for (String tenant : tenants) {
      vms.add(tenant + "-vm0");
      vms.add(tenant + "-vm1");
    }
    return vms;
  }

  /** The store on one transaction, as the container gives a batch (each lookup, one connection). */
  private static JdbcLeaseStore store(Connection transaction) {
    JdbcLeaseStore store = new JdbcLeaseStore();
    store.dataSource = new OneTransaction(transaction);
    return store;
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(server + database, user(), password());
    c.setAutoCommit(false);
    // A lock this test did not expect fails it rather than hanging it.
    try (Statement sql = c.createStatement()) {
      sql.execute("SET lock_timeout = '" + Duration.ofSeconds(5).toMillis() + "ms'");
    }
    c.commit();
    return c;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(System.getenv("HEARTH_DB_URL"), user(), password());
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String user() {
    return System.getenv("HEARTH_DB_USER");
  }

  private static String password() {
    return System.getenv("HEARTH_DB_PASSWORD");
  }

  /** A data source that hands out one transaction's connection, which closing leaves open. */
  private record OneTransaction(Connection connection) implements DataSource {

    @Override
    public Connection getConnection() {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  return null;
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String username, String password) {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
