package org.hearth.infrastructure.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one table, inserted in one go. On PostgreSQL that is one {@code INSERT ... SELECT * FROM
 * unnest(...)} with an array per column, which costs the database less per row than a JDBC batch of
 * one-row inserts, each of which it binds and executes on its own (a fifth less per ledger entry, a
 * tenth per charge: bench/README.md, "Billing cycle", runs AN–AO); on H2 it is such a batch.
 *
 * <p>Values are strings, integers, longs or instants (for {@code timestamptz} columns), or null.
 */
final class BulkInsert {

  private final String table;
  private final List<String> columns = new ArrayList<>();

  /** Each column's PostgreSQL type, for its array. */
  private final List<String> types = new ArrayList<>();

  private final List<Object[]> rows = new ArrayList<>();

  /**
   * @param columnsAndTypes each column as {@code "name type"}, e.g. {@code "held int8"}
   */
  BulkInsert(String table, String... columnsAndTypes) {
    this.table = table;
    for (String column : columnsAndTypes) {
      String[] nameAndType = column.split(" ");
      columns.add(nameAndType[0]);
      types.add(nameAndType[1]);
    }
  }

  BulkInsert add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns);
    }
    rows.add(values);
    return this;
  }

  void execute(Connection c) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      executeAtOnce(c);
    } else {
      executeAsBatch(c);
    }
  }

  private void executeAtOnce(Connection c) throws SQLException {
    List<String> arrays = new ArrayList<>();
    types.forEach(type -> arrays.add("?::" + type + "[]"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO %s (%s) SELECT * FROM unnest(%s)"
                .formatted(table, String.join(", ", columns), String.join(", ", arrays)))) {
      for (int column = 0; column < columns.size(); column++) {
        Object[] values = new Object[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
          Object value = rows.get(row)[column];
          // An instant goes as its ISO-8601 text, which PostgreSQL reads as a timestamptz.
          values[row] = value instanceof Instant instant ? instant.toString() : value;
        }
        Array array = c.createArrayOf(types.get(column), values);
        ps.setArray(column + 1, array);
      }
      ps.executeUpdate();
    }
  }

  private void executeAsBatch(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO %s (%s) VALUES (%s)"
                .formatted(
                    table, String.join(", ", columns), Sql.placeholders(columns.size(), "?")))) {
      for (Object[] row : rows) {
        for (int column = 0; column < row.length; column++) {
          if (row[column] instanceof Instant instant) {
            Sql.setInstant(ps, column + 1, instant);
          } else {
            ps.setObject(column + 1, row[column]);
          }
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
