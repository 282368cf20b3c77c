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
import java.util.List;
import javax.sql.DataSource;
import org.hearth.domain.billing.NoticeStore;

/** Account notices in plain JDBC: the billing cycle clears them for thousands of accounts. */
@ApplicationScoped
public class JdbcNoticeStore implements NoticeStore {

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public boolean raise(String accountId, String kind, String message, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE account_notice SET message = ? WHERE account_id = ? AND kind = ?"
                    + " AND cleared_at IS NULL");
        PreparedStatement reraise =
            c.prepareStatement(
                "UPDATE account_notice SET message = ?, raised_at = ?, cleared_at = NULL"
                    + " WHERE account_id = ? AND kind = ? AND cleared_at IS NOT NULL");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO account_notice (account_id, kind, message, raised_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      update.setString(1, message);
      update.setString(2, accountId);
      update.setString(3, kind);
      if (update.executeUpdate() == 1) {
        return false;
      }
      reraise.setString(1, message);
      Sql.setInstant(reraise, 2, at);
      reraise.setString(3, accountId);
      reraise.setString(4, kind);
      if (reraise.executeUpdate() == 1) {
        return true;
      }
      insert.setString(1, accountId);
      insert.setString(2, kind);
      insert.setString(3, message);
      Sql.setInstant(insert, 4, at);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new PersistenceFailure("raising a notice for account " + accountId, e);
    }
  }

  @Override
  public void clear(Collection<String> accountIds, String kind, Instant at) {
    String sql =
        "UPDATE account_notice SET cleared_at = ? WHERE kind = ? AND cleared_at IS NULL"
            + " AND account_id IN (%s)";
    try (Connection c = dataSource.getConnection()) {
      for (List<String> part : Sql.parts(accountIds)) {
        try (PreparedStatement ps =
            c.prepareStatement(sql.formatted(Sql.placeholders(part.size(), "?")))) {
          Sql.setInstant(ps, 1, at);
          ps.setString(2, kind);
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 3, part.get(i));
          }
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("clearing notices", e);
    }
  }

  @Override
  public List<Notice> raised(String accountId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT kind, message, raised_at FROM account_notice WHERE account_id = ?"
                    + " AND cleared_at IS NULL ORDER BY raised_at DESC")) {
      ps.setString(1, accountId);
      List<Notice> notices = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notices.add(new Notice(rs.getString(1), rs.getString(2), Sql.instant(rs, 3)));
        }
      }
      return notices;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading notices of account " + accountId, e);
    }
  }
}
