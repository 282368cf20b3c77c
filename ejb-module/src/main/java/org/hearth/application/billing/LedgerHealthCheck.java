package org.hearth.application.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness fails when the ledger's accounts do not sum to zero: the books are broken. */
@Readiness
@ApplicationScoped
public class LedgerHealthCheck implements HealthCheck {

  @Inject Ledger ledger;

  @Override
  public HealthCheckResponse call() {
    long sum = ledger.sumOfAllAccounts().amount();
    return HealthCheckResponse.named("ledger")
        .status(sum == 0)
        .withData("sumOfAllAccounts", sum)
        .build();
  }
}
