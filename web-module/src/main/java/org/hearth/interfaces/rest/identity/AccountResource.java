package org.hearth.interfaces.rest.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.identity.Accounts;
import org.hearth.application.identity.SignIn;
import org.hearth.application.node.NodeRegistry;
import org.hearth.domain.identity.KeyKind;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.node.NodeResponse;
import org.hearth.interfaces.rest.problem.ProblemException;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.security.PublicUrl;

/** The caller's own account: profile and keys (linked and unlinked). */
@Path("account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Account", description = "My profile and the keys that prove my account")
public class AccountResource {

  @Inject Accounts accounts;
  @Inject SignIn signIn;
  @Inject NodeRegistry nodeRegistry;
  @Inject PublicUrl publicUrl;
  @Context SecurityContext security;
  @Context HttpServletRequest servletRequest;

  @GET
  @Operation(summary = "My account, keys and roles")
  public AccountResponse get() {
    return AccountResponse.of(accounts.view(caller()));
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change my display name or contact",
      description = "A field left out stays as it is; an empty string clears it.")
  public AccountResponse update(
      @NotNull(message = "a JSON body is required") @Valid ProfileUpdate body) {
    return AccountResponse.of(
        ConflictRetry.run(() -> accounts.update(caller(), body.displayName, body.contact)));
  }

  @POST
  @Path("keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Link another key to my account",
      description =
          "Proven like a sign-in, by the new key: {message, signature} (EIP-4361, with a nonce"
              + " from /api/auth/siwe/nonce) or {event} (kind 22242, with a challenge from"
              + " /api/auth/nostr/challenge). 409 when the key belongs to another account.")
  public AccountResponse linkKey(
      @NotNull(message = "a JSON body is required") @Valid KeyProof body) {
    String base = publicUrl.of(servletRequest.getLocalPort());
    if (body.event != null && body.message == null && body.signature == null) {
      return AccountResponse.of(
          ConflictRetry.run(() -> signIn.linkNostr(caller(), body.event.toString(), base)));
    }
    if (body.event == null && body.message != null && body.signature != null) {
      return AccountResponse.of(
          ConflictRetry.run(
              () -> signIn.linkEthereum(caller(), body.message, body.signature, base)));
    }
    throw new ProblemException(
        ProblemType.INVALID_FIELD, "body: give either {message, signature} or {event}");
  }

  @DELETE
  @Path("keys/{key}")
  @Operation(
      summary = "Unlink one of my keys",
      description =
          "The key (a Nostr public key in hex, or an Ethereum address) no longer signs in to my"
              + " account, and a wallet's later deposits wait unclaimed. 404 when it does not"
              + " prove my account, 409 when it is its only key.")
  public AccountResponse unlinkKey(
      @PathParam("key")
          @Pattern(
              regexp = "[0-9a-f]{64}|0x[0-9a-fA-F]{40}",
              message = "must be a Nostr public key (64 hex digits) or an Ethereum address")
          String key) {
    KeyKind kind = key.startsWith("0x") ? KeyKind.ETHEREUM : KeyKind.NOSTR;
    String value = key.toLowerCase(Locale.ROOT);
    return AccountResponse.of(ConflictRetry.run(() -> accounts.unlink(caller(), kind, value)));
  }

  @GET
  @Path("nodes")
  @Operation(summary = "The nodes I operate (those I claimed)")
  public List<NodeResponse> nodes() {
    return nodeRegistry.operatedBy(caller()).stream().map(NodeResponse::of).toList();
  }

  private String caller() {
    return ((Caller) security.getUserPrincipal()).accountId();
  }
}
