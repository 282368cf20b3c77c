package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.Credits;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.security.AdminOnly;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.protocol.money.Money;

/** Admins credit tenants' balances. */
@Path("admin/credits")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@AdminOnly
@Tag(name = "Admin")
public class CreditResource {

  @Inject Credits credits;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Credit an account's available balance",
      description =
          "Once per `reference`: 201 when credited, 200 when this credit (same reference,"
              + " account and amount) was made before (nothing changes), 409 when the reference"
              + " was used for another account or amount.")
  public Response credit(@NotNull(message = "a JSON body is required") @Valid CreditRequest body) {
    String admin = ((Caller) security.getUserPrincipal()).accountId();
    boolean credited =
        ConflictRetry.run(
            () -> credits.credit(body.accountId, Money.of(body.amount), body.reference, admin));
    return Response.status(credited ? Response.Status.CREATED : Response.Status.OK)
        .entity(
            Map.of("accountId", body.accountId, "reference", body.reference, "credited", credited))
        .build();
  }
}
