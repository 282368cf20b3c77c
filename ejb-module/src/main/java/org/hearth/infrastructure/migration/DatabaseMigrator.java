package org.hearth.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations before anything else touches the
 * database. Beans that use the database at startup declare {@code @DependsOn("DatabaseMigrator")}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

  private static final System.Logger LOG = System.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/hearth")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    migrated = true;
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        flyway.info().current().getVersion(),
        result.migrationsExecuted);
  }

  public boolean isMigrated() {
    return migrated;
  }
}
