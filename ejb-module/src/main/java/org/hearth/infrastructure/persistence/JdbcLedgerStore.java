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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.domain.billing.LedgerStore;

/**
 * The ledger in plain JDBC with batched statements: a billing cycle posts tens of thousands of
 * movements, which entity-by-entity JPA writes could not do in time. It runs on the JTA data
 * source, so it joins the caller's transaction like the entity manager does.
 */
@ApplicationScoped
public class JdbcLedgerStore implements LedgerStore {

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public Map<LedgerAccountRef, Long> lockBalances(Collection<LedgerAccountRef> accounts) {
    List<LedgerAccountRef> sorted = accounts.stream().sorted().distinct().toList();
    try (Connection c = dataSource.getConnection()) {
      Map<LedgerAccountRef, Long> locked = selectForUpdate(c, sorted);
      if (locked.size() < sorted.size()) {
        List<LedgerAccountRef> missing =
            sorted.stream().filter(a -> !locked.containsKey(a)).toList();
        insertZeroBalances(c, missing);
        locked.putAll(selectForUpdate(c, missing));
      }
      return locked;
    } catch (SQLException e) {
      throw new PersistenceFailure("locking ledger balances", e);
    }
  }

  // One type at a time with owner IN (...): PostgreSQL answers that with one index scan, where a
  // list of (type, owner) pairs cost a plan of hundreds of OR-ed scans. Types in their order and
  // owners sorted within each keep the lock order of LedgerAccountRef.
  private static Map<LedgerAccountRef, Long> selectForUpdate(
      Connection c, List<LedgerAccountRef> sorted) throws SQLException {
    Map<LedgerAccountType, List<String>> ownersByType = new LinkedHashMap<>();
    sorted.forEach(
        a -> ownersByType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a.owner()));
    Map<LedgerAccountRef, Long> found = new HashMap<>();
    for (Map.Entry<LedgerAccountType, List<String>> type : ownersByType.entrySet()) {
      Sql.eachRowIn(
          c,
          "SELECT owner, balance FROM ledger_balance WHERE account_type = ? AND owner IN (%s)"
              + " ORDER BY owner FOR UPDATE",
          ps -> {
            ps.setString(1, type.getKey().name());
            return 2;
          },
          type.getValue(),
          rs -> found.put(new LedgerAccountRef(type.getKey(), rs.getString(1)), rs.getLong(2)));
    }
    return found;
  }

  private static void insertZeroBalances(Connection c, List<LedgerAccountRef> accounts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger_balance (account_type, owner, balance) VALUES (?, ?, 0)"
                + " ON CONFLICT DO NOTHING")) {
      for (LedgerAccountRef account : accounts) {
        ps.setString(1, account.type().name());
        ps.setString(2, account.owner());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Set<String> postedKeys(Collection<String> keys) {
    Set<String> posted = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      Sql.eachRowIn(
          c,
          "SELECT idempotency_key FROM ledger_movement WHERE idempotency_key IN (%s)",
          keys,
          rs -> posted.add(rs.getString(1)));
      return posted;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading posted movements", e);
    }
  }

  @Override
  public void write(
      List<StoredMovement> movements,
      Map<LedgerAccountRef, Long> newBalances,
      Map<LedgerAccountRef, Long> credits) {
    BulkInsert movementRows =
        new BulkInsert(
            "ledger_movement",
            "idempotency_key varchar",
            "movement_type varchar",
            "reference varchar",
            "created_at timestamptz");
    BulkInsert entryRows =
        new BulkInsert(
            "ledger_entry",
            "movement_key varchar",
            "seq int2",
            "account_type varchar",
            "owner varchar",
            "amount int8",
            "created_at timestamptz");
    for (StoredMovement m : movements) {
      movementRows.add(m.idempotencyKey(), m.type(), m.reference(), m.createdAt());
      int seq = 0;
      for (Map.Entry<LedgerAccountRef, Long> posting : m.postings()) {
        entryRows.add(
            m.idempotencyKey(),
            seq++,
            posting.getKey().type().name(),
            posting.getKey().owner(),
            posting.getValue(),
            m.createdAt());
      }
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement balance =
            c.prepareStatement(
                "UPDATE ledger_balance SET balance = ? WHERE account_type = ? AND owner = ?")) {
      movementRows.execute(c);
      entryRows.execute(c);
      for (Map.Entry<LedgerAccountRef, Long> b : newBalances.entrySet()) {
        balance.setLong(1, b.getValue());
        balance.setString(2, b.getKey().type().name());
        balance.setString(3, b.getKey().owner());
        balance.addBatch();
      }
      balance.executeBatch();
      if (!credits.isEmpty()) {
        credit(c, new TreeMap<>(credits));
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("writing ledger movements", e);
    }
  }

  // Relative updates in lock order; an account without a balance row yet gets one and is updated
  // again.
  private static void credit(Connection c, SortedMap<LedgerAccountRef, Long> credits)
      throws SQLException {
    List<LedgerAccountRef> missing = new ArrayList<>();
    try (PreparedStatement add =
        c.prepareStatement(
            "UPDATE ledger_balance SET balance = balance + ? WHERE account_type = ? AND owner = ?")) {
      List<LedgerAccountRef> order = addAll(add, credits, credits.keySet());
      int[] updated = add.executeBatch();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          missing.add(order.get(i));
        }
      }
      if (!missing.isEmpty()) {
        insertZeroBalances(c, missing);
        addAll(add, credits, missing);
        add.executeBatch();
      }
    }
  }

  private static List<LedgerAccountRef> addAll(
      PreparedStatement add, Map<LedgerAccountRef, Long> credits, Collection<LedgerAccountRef> to)
      throws SQLException {
    List<LedgerAccountRef> order = new ArrayList<>(to);
    for (LedgerAccountRef account : order) {
      add.setLong(1, credits.get(account));
      add.setString(2, account.type().name());
      add.setString(3, account.owner());
      add.addBatch();
    }
    return order;
  }

  @Override
  public Map<LedgerAccountRef, Long> postings(String idempotencyKey) {
    Map<LedgerAccountRef, Long> postings = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT account_type, owner, amount FROM ledger_entry WHERE movement_key = ?")) {
      ps.setString(1, idempotencyKey);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          postings.merge(
              new LedgerAccountRef(LedgerAccountType.valueOf(rs.getString(1)), rs.getString(2)),
              rs.getLong(3),
              Long::sum);
        }
      }
      return postings;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading a movement", e);
    }
  }

  @Override
  public long balance(LedgerAccountRef account) {
    return singleLong(
        "SELECT balance FROM ledger_balance WHERE account_type = ? AND owner = ?",
        account.type().name(),
        account.owner());
  }

  @Override
  public long sumOfAllBalances() {
    return singleLong("SELECT COALESCE(SUM(balance), 0) FROM ledger_balance");
  }

  @Override
  public long sumOfType(LedgerAccountType type) {
    return singleLong(
        "SELECT COALESCE(SUM(balance), 0) FROM ledger_balance WHERE account_type = ?", type.name());
  }

  @Override
  public List<LedgerEntryView> latestEntries(String owner, Instant from, Instant to, int limit) {
    String sql =
        "SELECT e.created_at, m.movement_type, m.idempotency_key, m.reference, e.account_type,"
            + " e.amount FROM ledger_entry e JOIN ledger_movement m"
            + " ON m.idempotency_key = e.movement_key"
            + " WHERE e.owner = ? AND e.created_at >= ? AND e.created_at < ?"
            + " ORDER BY e.created_at DESC, e.movement_key DESC, e.seq DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, owner);
      Sql.setInstant(ps, 2, from);
      Sql.setInstant(ps, 3, to);
      ps.setInt(4, limit);
      List<LedgerEntryView> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new LedgerEntryView(
                  Sql.instant(rs, 1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  LedgerAccountType.valueOf(rs.getString(5)),
                  rs.getLong(6)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading ledger entries", e);
    }
  }

  private long singleLong(String sql, String... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the ledger", e);
    }
  }
}
