package org.hearth.interfaces.rest.vm;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.BillingQueries;
import org.hearth.application.vm.TerminalTickets;
import org.hearth.application.vm.VmService;
import org.hearth.domain.vm.Vm;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.billing.ChargeResponse;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.security.PublicUrl;

/**
 * Tenants' VMs. A VM belongs to the account that created it; its owner may share it with member
 * accounts, which may view it and open terminals, nothing more.
 */
@Path("vms")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "VMs", description = "Create, watch, restart and delete VMs; open terminals")
public class VmResource {

  private static final String VM_ID =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String VM_ID_MESSAGE = "must be a VM id (a UUID)";
  private static final String ACCOUNT_ID_MESSAGE = "must be an account id (a UUID)";

  @Inject VmService vms;
  @Inject BillingQueries billing;
  @Inject TerminalTickets tickets;
  @Inject PublicUrl publicUrl;
  @Inject VmEventStreams streams;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a VM",
      description =
          "Placed at once on an eligible node (201). A VM no node can take is created FAILED with"
              + " the reason; a targetNodeId that cannot take it answers 409.")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateVmRequest body,
      @Context UriInfo uri) {
    Vm vm = ConflictRetry.run(() -> vms.create(account(), body.toRequest()));
    return Response.created(uri.getAbsolutePathBuilder().path(vm.id()).build())
        .entity(VmResponse.of(vm))
        .build();
  }

  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "My VMs' changes as they happen (server-sent events)",
      description =
          "A `ready` event, then one `vm` event (id = the VM's id) per change of a VM I own or"
              + " am a member of: {id, state, stateReason, nodeId, at}; one `billing` event {id}"
              + " per billing period of a VM I own held or settled (my balance and its charges"
              + " changed). A stream opened with a session's token ends with the session.")
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    Caller caller = (Caller) security.getUserPrincipal();
    streams.open(caller.accountId(), caller.sessionId(), sink, sse);
  }

  @GET
  @Operation(summary = "The VMs I own or am a member of, newest first")
  public List<VmResponse> mine() {
    return vms.visibleTo(account()).stream().map(VmResponse::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A VM I own or am a member of, with its state history")
  public VmResponse get(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    return VmResponse.of(vms.get(account(), id));
  }

  @GET
  @Path("{id}/members")
  @Operation(summary = "The accounts a VM is shared with")
  public List<MemberResponse> members(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    return vms.members(account(), id).stream().map(MemberResponse::of).toList();
  }

  @PUT
  @Path("{id}/members/{accountId}")
  @Operation(
      summary = "Share a VM with another account (owner only)",
      description = "The member may view the VM and open terminals, never delete or restart it.")
  public Response addMember(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id,
      @PathParam("accountId") @Pattern(regexp = VM_ID, message = ACCOUNT_ID_MESSAGE)
          String accountId) {
    ConflictRetry.run(
        () -> {
          vms.addMember(account(), id, accountId);
          return null;
        });
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/members/{accountId}")
  @Operation(summary = "Stop sharing a VM with an account (owner only; its terminals close)")
  public Response removeMember(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id,
      @PathParam("accountId") @Pattern(regexp = VM_ID, message = ACCOUNT_ID_MESSAGE)
          String accountId) {
    vms.removeMember(account(), id, accountId);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Stop a VM and release its capacity (idempotent)")
  public VmResponse delete(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    return VmResponse.of(ConflictRetry.run(() -> vms.delete(account(), id)));
  }

  @POST
  @Path("{id}/restart")
  @Operation(summary = "Restart a running VM's workload")
  public VmResponse restart(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    return VmResponse.of(ConflictRetry.run(() -> vms.restart(account(), id)));
  }

  @GET
  @Path("{id}/charges")
  @Operation(
      summary = "A VM's billing periods, newest first",
      description =
          "Each period's hold, and once settled the seconds billed (running, on an online node),"
              + " the charge and the platform fee in it. Owner and members.")
  public List<ChargeResponse> charges(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    vms.get(account(), id);
    return billing.chargesOf(id).stream().map(ChargeResponse::of).toList();
  }

  @POST
  @Path("{id}/resume")
  @Operation(
      summary = "Resume a suspended VM",
      description =
          "Places a VM suspended for want of payment again on the node that kept it, once the"
              + " balance pays its first billing period: 402 while it cannot, 409 when the VM is"
              + " not suspended or its node has no room now.")
  public VmResponse resume(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id) {
    return VmResponse.of(ConflictRetry.run(() -> vms.resume(account(), id)));
  }

  @POST
  @Path("{id}/terminal")
  @Operation(
      summary = "Open a terminal",
      description =
          "Returns a one-time ticket (valid 30 s) and the WebSocket URL that opens a terminal in"
              + " the running VM: binary frames carry terminal bytes; text frames carry JSON"
              + " control messages ({\"type\":\"resize\",\"cols\":..,\"rows\":..} in,"
              + " {\"type\":\"exit\",\"code\":..} out).")
  public TerminalTicketResponse terminal(
      @PathParam("id") @Pattern(regexp = VM_ID, message = VM_ID_MESSAGE) String id,
      @Context jakarta.servlet.http.HttpServletRequest request) {
    Caller caller = (Caller) security.getUserPrincipal();
    TerminalTickets.Issued issued = tickets.issue(caller.accountId(), caller.sessionId(), id);
    String base = publicUrl.of(request.getLocalPort()).replaceFirst("^http", "ws");
    TerminalTicketResponse response = new TerminalTicketResponse();
    response.ticket = issued.ticket();
    response.expiresAt = issued.expiresAt();
    response.url =
        base + request.getContextPath() + "/ws/vms/" + id + "/terminal?ticket=" + issued.ticket();
    return response;
  }

  private String account() {
    return ((Caller) security.getUserPrincipal()).accountId();
  }
}
