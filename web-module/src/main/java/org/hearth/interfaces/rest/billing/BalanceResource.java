package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.Balances;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** The caller's balances. */
@Path("account/balance")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Billing", description = "Balances, the ledger, notices, credits")
public class BalanceResource {

  @Inject Balances balances;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "My balances",
      description =
          "Integers in the settlement asset's smallest unit (USDC: 6 decimals). As a tenant:"
              + " available and held (for billing periods in progress). As an operator: earned"
              + " (not yet paid out), paying (on its way) and paid.")
  public BalanceResponse get() {
    return BalanceResponse.of(balances.of(((Caller) security.getUserPrincipal()).accountId()));
  }
}
