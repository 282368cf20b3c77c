package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.Notices;
import org.hearth.domain.billing.NoticeStore.Notice;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** Notices about the caller's money: low balance, suspended VMs. */
@Path("account/notices")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Billing")
public class NoticeResource {

  @Inject Notices notices;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "My open notices",
      description =
          "LOW_BALANCE while the balance covers fewer than hearth.billing.warn-periods periods of"
              + " my running VMs; VM_SUSPENDED after a VM was suspended for want of payment.")
  public List<Notice> raised() {
    return notices.raised(((Caller) security.getUserPrincipal()).accountId());
  }
}
