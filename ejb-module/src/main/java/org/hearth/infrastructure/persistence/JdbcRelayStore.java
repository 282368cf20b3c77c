package org.hearth.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.hearth.application.feed.FeedEntry;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.application.nostr.RelayStore;
import org.hearth.domain.persistence.ServerOrigin;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * {@link RelayStore} in plain JDBC on the container's data source (so in the caller's JTA
 * transaction). Filters become one indexed query each: ids, authors, kinds and time on {@code
 * nostr_event}; the first single-valued {@code #x} condition a join that reads {@code nostr_tag}
 * newest first, every other one an {@code EXISTS} on it.
 */
@ApplicationScoped
public class JdbcRelayStore implements RelayStore {

  /** Longest tag value that is indexed (longer values cannot be filtered on). */
  static final int MAX_TAG_VALUE = 512;

  /** The feed, without the JSON of the events this server stored itself. */
  private static final String FEED =
      "SELECT seq, CASE WHEN origin = ? THEN NULL ELSE raw END FROM nostr_event";

  private static final Row<FeedEntry<String>> FEED_ROW =
      rs -> new FeedEntry<>(rs.getLong(1), rs.getString(2));

  @Resource(lookup = "jdbc/hearth")
  DataSource dataSource;

  @Override
  public boolean exists(String eventId) {
    return !rows("SELECT 1 FROM nostr_event WHERE id = ?", List.of(eventId), rs -> 1).isEmpty();
  }

  @Override
  public List<Version> versions(String pubkey, int kind, String dTag) {
    return rows(
        "SELECT id, created_at FROM nostr_event WHERE pubkey = ? AND kind = ? AND d_tag = ?",
        List.of(pubkey, kind, dTag),
        rs -> new Version(rs.getString(1), rs.getLong(2)));
  }

  @Override
  public void delete(String eventId) {
    update("DELETE FROM nostr_event WHERE id = ?", List.of(eventId));
  }

  @Override
  public List<Boolean> insert(List<NewEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    // ON CONFLICT rather than a lookup first: the primary key answers "already stored" for the
    // whole batch, whatever plan a lookup of many ids would get.
    try (Connection c = dataSource.getConnection();
        PreparedStatement eventRows =
            c.prepareStatement(
                "INSERT INTO nostr_event"
                    + " (id, pubkey, created_at, kind, d_tag, expires_at, raw, origin)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement tagRows =
            c.prepareStatement(
                "INSERT INTO nostr_tag (event_id, name, tag_value, created_at) VALUES (?, ?, ?, ?)")) {
      for (NewEvent added : events) {
        NostrEvent event = added.event();
        bind(
            eventRows,
            Arrays.asList(
                event.id(),
                event.pubkey(),
                event.createdAt(),
                event.kind(),
                added.dTag(),
                added.expiresAt(),
                event.toJson(),
                ServerOrigin.ID));
        eventRows.addBatch();
      }
      int[] counts = eventRows.executeBatch();
      List<Boolean> stored = new ArrayList<>(events.size());
      int tags = 0;
      for (int i = 0; i < events.size(); i++) {
        // A driver may answer "succeeded, count unknown" (-2): only 0 means the id was taken.
        boolean inserted = counts[i] != 0;
        stored.add(inserted);
        if (!inserted) {
          continue;
        }
        NostrEvent event = events.get(i).event();
        for (List<String> tag : indexedTags(event)) {
          bind(tagRows, List.of(event.id(), tag.get(0), tag.get(1), event.createdAt()));
          tagRows.addBatch();
          tags++;
        }
      }
      if (tags > 0) {
        tagRows.executeBatch();
      }
      return stored;
    } catch (SQLException e) {
      throw new PersistenceFailure("storing " + events.size() + " relay events", e);
    }
  }

  /** The event's single-letter tags by name and first value, once each. */
  private static Set<List<String>> indexedTags(NostrEvent event) {
    Set<List<String>> tags = new LinkedHashSet<>();
    for (List<String> tag : event.tags()) {
      if (tag.size() >= 2 && tag.get(0).length() == 1 && tag.get(1).length() <= MAX_TAG_VALUE) {
        tags.add(List.of(tag.get(0), tag.get(1)));
      }
    }
    return tags;
  }

  @Override
  public int deleteByAuthor(String pubkey, List<String> eventIds) {
    List<Object> params = new ArrayList<>(eventIds);
    params.add(pubkey);
    return update(
        "DELETE FROM nostr_event WHERE id IN ("
            + Sql.placeholders(eventIds.size(), "?")
            + ") AND pubkey = ?",
        params);
  }

  @Override
  public int deleteAddress(String pubkey, int kind, String dTag, long until) {
    return update(
        "DELETE FROM nostr_event WHERE pubkey = ? AND kind = ? AND d_tag = ? AND created_at <= ?",
        List.of(pubkey, kind, dTag, until));
  }

  @Override
  public void recordDeletion(String pubkey, String target, long deletedAt) {
    Optional<Long> known = deletedAt(pubkey, target);
    if (known.isEmpty()) {
      update(
          "INSERT INTO nostr_deletion (pubkey, target, deleted_at) VALUES (?, ?, ?)",
          List.of(pubkey, target, deletedAt));
    } else if (known.get() < deletedAt) {
      update(
          "UPDATE nostr_deletion SET deleted_at = ? WHERE pubkey = ? AND target = ?",
          List.of(deletedAt, pubkey, target));
    }
  }

  @Override
  public Optional<Long> deletedAt(String pubkey, String target) {
    return rows(
            "SELECT deleted_at FROM nostr_deletion WHERE pubkey = ? AND target = ?",
            List.of(pubkey, target),
            rs -> rs.getLong(1))
        .stream()
        .findFirst();
  }

  @Override
  public Set<Target> deleted(Collection<Target> targets) {
    if (targets.isEmpty()) {
      return Set.of();
    }
    // Joined with the pairs as a table: the primary key per pair, or one hash join, whatever
    // the statistics (a list of OR-ed or IN conditions can end up compared row by row).
    List<Target> distinct = List.copyOf(new LinkedHashSet<>(targets));
    List<Object> params = new ArrayList<>(2 * distinct.size());
    distinct.forEach(
        t -> {
          params.add(t.pubkey());
          params.add(t.target());
        });
    return new HashSet<>(
        rows(
            "SELECT d.pubkey, d.target FROM nostr_deletion d JOIN (VALUES "
                + Sql.placeholders(
                    distinct.size(), "(CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(600)))")
                + ") AS v (pubkey, target) ON d.pubkey = v.pubkey AND d.target = v.target",
            params,
            rs -> new Target(rs.getString(1), rs.getString(2))));
  }

  @Override
  public Map<String, List<String>> followLists() {
    Map<String, List<String>> follows = new HashMap<>();
    for (String json :
        rows("SELECT raw FROM nostr_event WHERE kind = 3", List.of(), rs -> rs.getString(1))) {
      NostrEvent list = NostrEvent.fromJson(json);
      List<String> keys = new ArrayList<>();
      for (List<String> tag : list.tags()) {
        if (tag.size() >= 2 && tag.get(0).equals("p") && Hex.isLowercaseHex(tag.get(1), 32)) {
          keys.add(tag.get(1));
        }
      }
      follows.put(list.pubkey(), keys);
    }
    return follows;
  }

  @Override
  public List<Stored> query(RelayFilter filter, int limit, long now) {
    List<Object> params = new ArrayList<>();
    Map.Entry<String, Set<String>> leadingTag = leadingTag(filter);
    StringBuilder sql = new StringBuilder("SELECT e.id, e.created_at, e.raw FROM nostr_event e");
    if (leadingTag != null) {
      // One event per (name, value) row, so joining a single value adds no duplicates; the tag
      // index then yields the events newest first instead of probing every event by time.
      sql.append(" JOIN nostr_tag lt ON lt.event_id = e.id AND lt.name = ? AND lt.tag_value = ?");
      params.add(leadingTag.getKey());
      params.add(leadingTag.getValue().iterator().next());
    }
    sql.append(" WHERE (e.expires_at IS NULL OR e.expires_at > ?)");
    params.add(now);
    in(sql, params, "e.id", filter.ids());
    in(sql, params, "e.pubkey", filter.authors());
    in(sql, params, "e.kind", filter.kinds());
    // The same values either way; named from the table whose index gives the order.
    String time = leadingTag == null ? "e.created_at" : "lt.created_at";
    String id = leadingTag == null ? "e.id" : "lt.event_id";
    if (filter.since() != null) {
      sql.append(" AND ").append(time).append(" >= ?");
      params.add(filter.since());
    }
    if (filter.until() != null) {
      sql.append(" AND ").append(time).append(" <= ?");
      params.add(filter.until());
    }
    for (Map.Entry<String, Set<String>> tag : filter.tags().entrySet()) {
      if (leadingTag != null && tag.getKey().equals(leadingTag.getKey())) {
        continue;
      }
      sql.append(" AND EXISTS (SELECT 1 FROM nostr_tag t WHERE t.event_id = e.id AND t.name = ?");
      params.add(tag.getKey());
      in(sql, params, "t.tag_value", tag.getValue());
      sql.append(")");
    }
    sql.append(" ORDER BY ").append(time).append(" DESC, ").append(id).append(" LIMIT ?");
    params.add(limit);
    return rows(
        sql.toString(), params, rs -> new Stored(rs.getString(1), rs.getLong(2), rs.getString(3)));
  }

  @Override
  public long lastFeedSeq() {
    return rows("SELECT COALESCE(MAX(seq), 0) FROM nostr_event", List.of(), rs -> rs.getLong(1))
        .get(0);
  }

  @Override
  public List<FeedEntry<String>> feedAfter(long seq, int limit) {
    return rows(
        FEED + " WHERE seq > ? ORDER BY seq LIMIT ?",
        List.of(ServerOrigin.ID, seq, limit),
        FEED_ROW);
  }

  @Override
  public List<FeedEntry<String>> feedAt(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(ServerOrigin.ID);
    params.addAll(seqs);
    return rows(
        FEED + " WHERE seq IN (" + Sql.placeholders(seqs.size(), "?") + ")", params, FEED_ROW);
  }

  /** The first {@code #x} condition with a single value, which drives the query; or null. */
  private static Map.Entry<String, Set<String>> leadingTag(RelayFilter filter) {
    for (Map.Entry<String, Set<String>> tag : filter.tags().entrySet()) {
      if (tag.getValue().size() == 1) {
        return tag;
      }
    }
    return null;
  }

  private static void in(StringBuilder sql, List<Object> params, String column, Collection<?> set) {
    if (set.isEmpty()) {
      return;
    }
    sql.append(" AND ").append(column).append(" IN (");
    sql.append(Sql.placeholders(set.size(), "?")).append(')');
    params.addAll(set);
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> rows(String sql, List<?> params, Row<T> row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<T> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(row.read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading relay events", e);
    }
  }

  private int update(String sql, List<?> params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("writing relay events", e);
    }
  }

  private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p == null) {
        ps.setNull(i + 1, java.sql.Types.BIGINT);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }
}
