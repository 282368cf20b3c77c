package org.hearth.interfaces.rest.admin;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.identity.Accounts;
import org.hearth.interfaces.rest.identity.AccountResponse;
import org.hearth.interfaces.rest.security.AdminOnly;
import org.hearth.interfaces.rest.security.Authenticated;

/** What only admins may see. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@AdminOnly
@Tag(name = "Admin", description = "For accounts listed in hearth.auth.admins")
public class AdminResource {

  @Inject Accounts accounts;

  @GET
  @Path("accounts")
  @Operation(summary = "All accounts, newest first")
  public List<AccountResponse> accounts(
      @QueryParam("page")
          @DefaultValue("0")
          @Pattern(regexp = "\\d{1,6}", message = "must be 0 to 999999")
          String page,
      @QueryParam("size")
          @DefaultValue("20")
          @Pattern(regexp = "100|[1-9][0-9]?", message = "must be 1 to 100")
          String size) {
    return accounts.newest(Integer.parseInt(page), Integer.parseInt(size)).stream()
        .map(AccountResponse::of)
        .toList();
  }
}
