package org.hearth.interfaces.rest.node;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.node.NodeRegistry;
import org.hearth.application.node.NodeView;
import org.hearth.application.node.Registration;
import org.hearth.domain.node.NodeQuery;
import org.hearth.domain.node.NodeStatus;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.security.Nip98Authenticated;

/** The node registry: providers' nodes register, heartbeat, and are listed publicly. */
@Path("nodes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nodes", description = "Node registry, heartbeats and uptime")
public class NodeResource {

  private static final String NODE_ID = "[0-9a-f]{64}";

  @Inject NodeRegistry registry;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Nip98Authenticated
  @Operation(
      summary = "Register or update the node of the signing key",
      description =
          "Signed with NIP-98 by the node's own key. The node id is the hex SHA-256 of"
              + " machineId:pubkey. 201 when new, 200 when updated.")
  public Response register(
      @NotNull(message = "a JSON body is required") @Valid NodeRegistrationRequest body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    String pubkey = security.getUserPrincipal().getName();
    Registration registration =
        ConflictRetry.run(
            () ->
                registry.register(
                    pubkey,
                    body.machineId,
                    body.toProfile(),
                    OperatorKey.normalize(body.operator)));
    NodeResponse node = NodeResponse.of(registration.node());
    if (registration.created()) {
      return Response.created(uri.getAbsolutePathBuilder().path(node.id).build())
          .entity(node)
          .build();
    }
    return Response.ok(node).build();
  }

  @POST
  @Path("{id}/heartbeat")
  @Consumes(MediaType.APPLICATION_JSON)
  @Nip98Authenticated
  @Operation(
      summary = "Record a heartbeat",
      description = "Signed with NIP-98 by the node's own key; marks the node ONLINE.")
  public NodeResponse heartbeat(
      @PathParam("id") @Pattern(regexp = NODE_ID, message = "must be 64 lowercase hex digits")
          String id,
      @NotNull(message = "a JSON body is required") @Valid HeartbeatRequest body,
      @Context SecurityContext security) {
    String pubkey = security.getUserPrincipal().getName();
    NodeView view = ConflictRetry.run(() -> registry.heartbeat(id, pubkey, body.toLoad()));
    return NodeResponse.of(view);
  }

  @POST
  @Path("{id}/claim")
  @Authenticated
  @Operation(
      summary = "Confirm that I operate this node",
      description =
          "Only an account holding the key the node's registration names as `operator` may;"
              + " then the node is listed under the account and its operator may edit it."
              + " Idempotent; 403 for any other account.")
  public NodeResponse claim(
      @PathParam("id") @Pattern(regexp = NODE_ID, message = "must be 64 lowercase hex digits")
          String id,
      @Context SecurityContext security) {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    return NodeResponse.of(ConflictRetry.run(() -> registry.claim(id, account)));
  }

  @PATCH
  @Path("{id}/profile")
  @Consumes(MediaType.APPLICATION_JSON)
  @Authenticated
  @Operation(
      summary = "Edit the node's listing (its operator only)",
      description =
          "region, tags, description, pricePerPointHour; a field left out stays as it is, an"
              + " empty region or description clears it. From then on the agent's registrations"
              + " no longer change these fields.")
  public NodeResponse editProfile(
      @PathParam("id") @Pattern(regexp = NODE_ID, message = "must be 64 lowercase hex digits")
          String id,
      @NotNull(message = "a JSON body is required") @Valid NodeListingUpdate body,
      @Context SecurityContext security) {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    return NodeResponse.of(
        ConflictRetry.run(() -> registry.editListing(id, account, body.toListing())));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One node with its status and 30-day uptime")
  public NodeResponse get(
      @PathParam("id") @Pattern(regexp = NODE_ID, message = "must be 64 lowercase hex digits")
          String id) {
    return NodeResponse.of(registry.find(id));
  }

  @GET
  @Operation(summary = "List nodes, newest first, optionally by status and region")
  public NodeListResponse list(
      @QueryParam("status")
          @Pattern(regexp = "ONLINE|OFFLINE", message = "must be ONLINE or OFFLINE")
          String status,
      @QueryParam("region") @Pattern(regexp = ".{0,64}", message = "must be at most 64 characters")
          String region,
      @QueryParam("page")
          @DefaultValue("0")
          @Pattern(regexp = "\\d{1,6}", message = "must be 0 to 999999")
          String page,
      @QueryParam("size")
          @DefaultValue("20")
          @Pattern(regexp = "100|[1-9][0-9]?", message = "must be 1 to 100")
          String size) {
    NodeQuery query =
        new NodeQuery(
            status == null ? null : NodeStatus.valueOf(status),
            region == null || region.isBlank() ? null : region,
            Integer.parseInt(page),
            Integer.parseInt(size));
    return NodeListResponse.of(registry.search(query));
  }
}
