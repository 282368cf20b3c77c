package org.hearth.interfaces.rest.settlement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.settlement.Settlement;
import org.hearth.interfaces.rest.problem.ProblemException;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.interfaces.rest.security.Authenticated;

/** Where a tenant deposits the settlement token. */
@Path("account/deposit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Account")
public class DepositResource {

  @Inject Settlement settlement;

  @GET
  @Operation(
      summary = "Where and how to deposit",
      description =
          "Send the token to `address` from a wallet linked to the account (an ETHEREUM key);"
              + " it is credited once after `confirmations` blocks. 503 when deposits are off.")
  public Settlement.DepositInfo get() {
    if (!settlement.enabled()) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE, "deposits are off: no settlement chain is configured");
    }
    return settlement.depositInfo();
  }
}
