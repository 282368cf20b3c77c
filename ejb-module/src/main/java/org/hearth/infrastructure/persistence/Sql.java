package org.hearth.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers: {@code IN (...)} lists of bounded length, and instants as UTC timestamps. */
final class Sql {

  static final int MAX = 500;

  private Sql() {}

  /** The values in parts of at most {@link #MAX}. */
  static <T> List<List<T>> parts(Collection<T> values) {
    List<T> all = List.copyOf(values);
    List<List<T>> parts = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX) {
      parts.add(all.subList(from, Math.min(all.size(), from + MAX)));
    }
    return parts;
  }

  /** {@code n} comma-separated copies of {@code placeholder}, e.g. {@code ?,?,?}. */
  static String placeholders(int n, String placeholder) {
    return String.join(",", Collections.nCopies(n, placeholder));
  }

  /** Binds an instant (or null) to a {@code TIMESTAMP WITH TIME ZONE} parameter, in UTC. */
  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }

  // Reads go through getTimestamp and getLong, not getObject(index, Class): Payara's pool wraps
  // result sets and calls that JDBC 4.1 method reflectively, looking the method up on every call
  // (7% of a billing server's CPU, bench/README.md "Billing cycle").

  /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant (or null). */
  static Instant instant(ResultSet rs, int index) throws SQLException {
    Timestamp value = rs.getTimestamp(index);
    return value == null ? null : value.toInstant();
  }

  /** Reads a nullable {@code BIGINT} column. */
  static Long nullableLong(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    return rs.wasNull() ? null : value;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Binds the parameters before the IN list and returns the index of the first list parameter. */
  @FunctionalInterface
  interface LeadingParameters {
    int bind(PreparedStatement ps) throws SQLException;
  }

  /** Runs {@code sql}, whose one {@code %s} is an IN list of {@code keys}, part by part. */
  static void eachRowIn(Connection c, String sql, Collection<String> keys, RowReader rows)
      throws SQLException {
    eachRowIn(c, sql, ps -> 1, keys, rows);
  }

  /** As {@link #eachRowIn(Connection, String, Collection, RowReader)}, with leading parameters. */
  static void eachRowIn(
      Connection c, String sql, LeadingParameters leading, Collection<String> keys, RowReader rows)
      throws SQLException {
    for (List<String> part : parts(keys)) {
      try (PreparedStatement ps =
          c.prepareStatement(sql.formatted(placeholders(part.size(), "?")))) {
        int index = leading.bind(ps);
        for (String key : part) {
          ps.setString(index++, key);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.read(rs);
          }
        }
      }
    }
  }
}
