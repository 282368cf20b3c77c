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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    List<NodeDay> days = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, earner);
      Sql.setInstant(ps, 2, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          days.add(
              new NodeDay(
                  rs.getString(1),
                  LocalDate.ofEpochDay(rs.getLong(2)),
                  rs.getLong(3),
                  rs.getLong(4)));
        }
      }
      return days;
    } catch (SQLException e) {
      throw new PersistenceFailure("summing earnings of " + earner, e);
    }
  }

  @Override
  public Map<String, Delivery> deliveryPerNode(Instant since) {
    String sql =
        "SELECT c.node_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM node_outage o"
            + " WHERE o.node_id = c.node_id AND o.started_at < c.period_end"
            + " AND o.ended_at > c.period_start) THEN 1 ELSE 0 END)"
            + " FROM lease_charge c WHERE c.settled_at IS NOT NULL AND c.period_start >= ?"
            + " GROUP BY c.node_id";
    Map<String, Delivery> delivery = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.setInstant(ps, 1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          delivery.put(rs.getString(1), new Delivery(rs.getLong(2), rs.getLong(3)));
        }
      }
      return delivery;
    } catch (SQLException e) {
      throw new PersistenceFailure("counting delivered periods per node", e);
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
