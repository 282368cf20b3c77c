package org.hearth.interfaces.rest.settlement;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.settlement.Settlement;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** Where an operator's payouts go, when not to its linked wallet. */
@Path("operator/payout-address")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Operator")
public class PayoutAddressResource {

  @Inject Settlement settlement;
  @Context SecurityContext security;

  /** The body of a PUT. */
  public static class AddressRequest {
    @NotNull
    @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be 0x and 40 hex digits")
    public String address;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set my payout address (0x and 40 hex digits)")
  public Map<String, String> put(
      @NotNull(message = "a JSON body is required") @Valid AddressRequest body) {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    settlement.setPayoutAddress(account, body.address);
    return Map.of("address", body.address.toLowerCase(java.util.Locale.ROOT));
  }
}
