package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hearth.domain.billing.BillingReports;
import org.hearth.domain.billing.Charge;

/**
 * Reports over {@code lease_charge}. Days are UTC days of the period start: counted from the epoch
 * seconds, so the database session's time zone does not decide what a day is.
 */
@ApplicationScoped
public class JdbcBillingReports implements BillingReports {

  private static final String EPOCH_DAY = "FLOOR(EXTRACT(EPOCH FROM period_start) / 86400)";

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public List<Charge> chargesOf(String vmId, int limit) {
    String sql =
        "SELECT "
            + JdbcLeaseStore.CHARGE_COLUMNS
            + " FROM lease_charge WHERE vm_id = ?"
            + " ORDER BY period_start DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, vmId);
      ps.setInt(2, limit);
      List<Charge> charges = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          charges.add(JdbcLeaseStore.charge(rs));
        }
      }
      return charges;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the charges of vm " + vmId, e);
    }
  }

  @Override
  public List<NodeDay> earningsByNodeAndDay(String earner, Instant since) {
    String sql =
        "SELECT node_id, "
            + EPOCH_DAY
            + " AS d, SUM(charged - fee), COUNT(*) FROM lease_charge"
            + " WHERE earner = ? AND settled_at IS NOT NULL AND period_start >= ?"
            + " GROUP BY node_id, d ORDER BY node_id, d";
    return perNodeAndDay(
        sql,
        ps -> {
          ps.setString(1, earner);
          Sql.setInstant(ps, 2, since);
        },
        NodeDay::new,
        "summing earnings of " + earner);
  }

  @Override
  public List<NodeDelivery> deliveryPerNodeAndDay(
      Instant settledAfter, Instant settledBy, Instant periodsFrom) {
    // settled_at leads the index of due charges, so what was settled in a stretch of time is a
    // range of it.
    String sql =
        "SELECT c.node_id, "
            + EPOCH_DAY
            + " AS d, COUNT(*),"
            + " SUM(CASE WHEN EXISTS (SELECT 1 FROM node_outage o WHERE o.node_id = c.node_id"
            + " AND o.started_at < c.period_end AND o.ended_at > c.period_start)"
            + " OR EXISTS (SELECT 1 FROM node n WHERE n.id = c.node_id AND n.status = 'OFFLINE'"
            + " AND COALESCE(n.last_heartbeat_at, n.registered_at) < c.period_end)"
            + " THEN 1 ELSE 0 END) FROM lease_charge c"
            + " WHERE c.settled_at > ? AND c.settled_at <= ? AND c.period_start >= ?"
            + " GROUP BY c.node_id, d";
    return perNodeAndDay(
        sql,
        ps -> {
          Sql.setInstant(ps, 1, settledAfter);
          Sql.setInstant(ps, 2, settledBy);
          Sql.setInstant(ps, 3, periodsFrom);
        },
        NodeDelivery::new,
        "counting settled periods per node");
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  private interface Parameters {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Makes a report row of a node, a day and two figures. */
  @FunctionalInterface
  private interface NodeDayRow<T> {
    T of(String nodeId, LocalDate day, long first, long second);
  }

  /** Runs a query whose rows are a node id, an epoch day and two figures. */
  private <T> List<T> perNodeAndDay(
      String sql, Parameters parameters, NodeDayRow<T> row, String doing) {
    List<T> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              row.of(
                  rs.getString(1),
                  LocalDate.ofEpochDay(rs.getLong(2)),
                  rs.getLong(3),
                  rs.getLong(4)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new PersistenceFailure(doing, e);
    }
  }

  @Override
  public List<Day> revenueByDay(Instant since) {
    String sql =
        "SELECT "
            + EPOCH_DAY
            + " AS d, SUM(charged), SUM(fee) FROM lease_charge"
            + " WHERE settled_at IS NOT NULL AND period_start >= ? GROUP BY d ORDER BY d";
    List<Day> days = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.setInstant(ps, 1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          days.add(new Day(LocalDate.ofEpochDay(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
        }
      }
      return days;
    } catch (SQLException e) {
      throw new PersistenceFailure("summing revenue", e);
    }
  }
}
