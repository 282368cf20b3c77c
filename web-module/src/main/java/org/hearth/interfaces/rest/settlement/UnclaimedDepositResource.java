package org.hearth.interfaces.rest.settlement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.settlement.ChainStore;
import org.hearth.application.settlement.Settlement;
import org.hearth.interfaces.rest.security.AdminOnly;
import org.hearth.interfaces.rest.security.Authenticated;

/** Deposits from wallets linked to no account, for admins. */
@Path("admin/deposits/unclaimed")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@AdminOnly
@Tag(name = "Admin")
public class UnclaimedDepositResource {

  @Inject Settlement settlement;

  @GET
  @Operation(summary = "Deposits from unknown wallets (newest first, at most 500)")
  public List<ChainStore.Deposit> list() {
    return settlement.unclaimedDeposits();
  }
}
