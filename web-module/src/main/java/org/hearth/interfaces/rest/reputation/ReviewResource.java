package org.hearth.interfaces.rest.reputation;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.reputation.Reviews;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** A tenant reviews the node one of their VMs ran on. */
@Path("vms/{id}/review")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "VMs")
public class ReviewResource {

  @Inject Reviews reviews;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Review the node my ended VM ran on (1-5 stars, optional comment)",
      description =
          "Only the VM's owner, once the VM has ended (TERMINATED, FAILED or LOST); one review per"
              + " VM (a second answers 409). It counts in the node's reputation at once.")
  public Response review(
      @PathParam("id")
          @Pattern(
              regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              message = "must be a VM id (a UUID)")
          String id,
      @NotNull(message = "a JSON body is required") @Valid ReviewRequest body) {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    return Response.status(Response.Status.CREATED)
        .entity(ReviewResponse.of(reviews.review(account, id, body.rating, body.comment)))
        .build();
  }
}
