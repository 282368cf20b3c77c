package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.hearth.application.feed.FeedEntry;
import org.hearth.application.vm.VmFeedStore;
import org.hearth.domain.persistence.ServerOrigin;
import org.hearth.domain.vm.VmChanged;
import org.hearth.domain.vm.VmState;

/** The VM feed in plain JDBC: the rows of {@code vm_transition} by {@code feed_seq}. */
@ApplicationScoped
public class JdbcVmFeedStore implements VmFeedStore {

  private static final String FEED =
      "SELECT t.feed_seq, t.origin, t.vm_id, v.owner_account_id, t.to_state, v.state_reason,"
          + " v.node_id, t.at FROM vm_transition t JOIN vm v ON v.id = t.vm_id";

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public long lastFeedSeq() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(feed_seq), 0) FROM vm_transition");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the VM feed", e);
    }
  }

  @Override
  public List<FeedEntry<VmChanged>> feedAfter(long seq, int limit) {
    return entries(
        FEED + " WHERE t.feed_seq > ? ORDER BY t.feed_seq LIMIT ?", List.of(seq, (long) limit));
  }

  @Override
  public List<FeedEntry<VmChanged>> feedAt(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return List.of();
    }
    String in = Sql.placeholders(seqs.size(), "?");
    return entries(FEED + " WHERE t.feed_seq IN (" + in + ") ORDER BY t.feed_seq", seqs);
  }

  private List<FeedEntry<VmChanged>> entries(String sql, Collection<Long> params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int index = 1;
      for (long param : params) {
        ps.setLong(index++, param);
      }
      List<FeedEntry<VmChanged>> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(new FeedEntry<>(rs.getLong(1), fromElsewhere(rs)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the VM feed", e);
    }
  }

  /** The change a transition made, or null if this server wrote it. */
  private static VmChanged fromElsewhere(ResultSet rs) throws SQLException {
    if (ServerOrigin.ID.equals(rs.getString(2))) {
      return null;
    }
    return new VmChanged(
        rs.getString(3),
        rs.getString(4),
        VmState.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        Sql.instant(rs, 8));
  }
}
