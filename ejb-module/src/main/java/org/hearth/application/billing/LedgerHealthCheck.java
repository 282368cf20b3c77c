package org.hearth.application.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hearth.infrastructure.migration.DatabaseMigrator;

/**
 * Readiness fails when the ledger's accounts do not sum to zero: the books are broken. Until the
 * schema is migrated (the server is starting) there is no ledger to read, which is not-ready too,
 * not an error.
 */
@Readiness
@ApplicationScoped
public class LedgerHealthCheck implements HealthCheck {

  @Inject Ledger ledger;
  @Inject DatabaseMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("ledger");
    if (!migrator.isMigrated()) {
      return response.withData("migrated", false).down().build();
    }
    long sum = ledger.sumOfAllAccounts().amount();
    return response.status(sum == 0).withData("sumOfAllAccounts", sum).build();
  }
}
