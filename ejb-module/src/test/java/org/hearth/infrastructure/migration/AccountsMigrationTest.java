package org.hearth.infrastructure.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V4 turns the bare Nostr keys that owned VMs into accounts, one per key, and keeps every VM. */
class AccountsMigrationTest {

  private static final String URL =
      "jdbc:h2:mem:v4;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
  private static final String ALICE = "aa".repeat(32);
  private static final String BOB = "bb".repeat(32);

  @Test
  void everyOwnerKeyBecomesAnAccountThatOwnsItsVms() throws SQLException {
    migrate("3");
    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        Statement sql = db.createStatement()) {
      for (String[] vm : new String[][] {{"1", ALICE}, {"2", ALICE}, {"3", BOB}}) {
        sql.executeUpdate(
            "INSERT INTO vm (id, owner_pubkey, name, vcpus, memory_mib, disk_gib, gpus, tier,"
                + " runtime, command, env, outbound_network, tags_wish, core_shares, state,"
                + " created_at, updated_at, version) VALUES ('"
                + vm[0]
                + "', '"
                + vm[1]
                + "', 'n', 1, 64, 1, 0, 'STANDARD', 'sandbox', 'true', '{}', FALSE, '', 12,"
                + " 'FAILED', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00Z',"
                + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00Z', 0)");
      }
      migrate(null);

      assertEquals(2, count(sql, "SELECT COUNT(*) FROM account"));
      assertEquals(2, count(sql, "SELECT COUNT(*) FROM account_key WHERE kind = 'NOSTR'"));
      assertEquals(
          2,
          count(
              sql,
              "SELECT COUNT(*) FROM vm v JOIN account_key k ON k.account_id = v.owner_account_id"
                  + " WHERE k.key_value = '"
                  + ALICE
                  + "'"));
      assertEquals(
          1,
          count(
              sql,
              "SELECT COUNT(*) FROM vm v JOIN account_key k ON k.account_id = v.owner_account_id"
                  + " WHERE k.key_value = '"
                  + BOB
                  + "' AND v.id = '3'"));
    }
  }

  private static void migrate(String target) {
    var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration");
    (target == null ? config : config.target(target)).load().migrate();
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
