package org.hearth.interfaces.rest.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.identity.IdentitySettings;
import org.hearth.application.identity.Sessions;
import org.hearth.application.identity.SignIn;
import org.hearth.application.identity.SignInNonces;
import org.hearth.domain.identity.SignInMethod;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;
import org.hearth.interfaces.rest.security.PublicUrl;
import org.hearth.interfaces.rest.security.SessionCookie;

/** Sign-in with an Ethereum wallet or a Nostr key, and the caller's sessions. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Sign in with Ethereum (EIP-4361) or Nostr; sessions")
public class AuthResource {

  private static final String SESSION_ID =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Inject SignInNonces nonces;
  @Inject SignIn signIn;
  @Inject Sessions sessions;
  @Inject IdentitySettings settings;
  @Inject PublicUrl publicUrl;
  @Context HttpServletRequest servletRequest;

  @POST
  @Path("siwe/nonce")
  @Operation(
      summary = "A nonce for an EIP-4361 message",
      description = "With the domain, URI, chain id and version the message must carry.")
  public NonceResponse siweNonce() {
    SignInNonces.Issued issued = nonces.issue(SignInMethod.SIWE);
    String base = base();
    NonceResponse r = new NonceResponse();
    r.nonce = issued.nonce();
    r.domain = URI.create(base).getRawAuthority();
    r.uri = base;
    r.chainId = settings.chainId();
    r.version = "1";
    r.expiresAt = issued.expiresAt();
    return r;
  }

  @POST
  @Path("siwe")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in with Ethereum",
      description =
          "A signed EIP-4361 message → {token, expiresAt, account} and the session cookie; 401"
              + " naming the failed check otherwise.")
  public Response siwe(
      @NotNull(message = "a JSON body is required") @Valid SiweProof body,
      @Context HttpHeaders headers) {
    return granted(
        ConflictRetry.run(
            () ->
                signIn.withEthereum(
                    body.message, body.signature, base(), headers.getHeaderString("User-Agent"))));
  }

  @POST
  @Path("nostr/challenge")
  @Operation(summary = "A challenge to sign in a kind 22242 event")
  public ChallengeResponse nostrChallenge() {
    SignInNonces.Issued issued = nonces.issue(SignInMethod.NOSTR);
    ChallengeResponse r = new ChallengeResponse();
    r.challenge = issued.nonce();
    r.relay = base();
    r.expiresAt = issued.expiresAt();
    return r;
  }

  @POST
  @Path("nostr")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in with Nostr",
      description =
          "{event}: kind 22242 with tags [\"challenge\", <challenge>] and [\"relay\", <public"
              + " URL>] (NIP-42), as a NIP-07 extension signs it → the same answer as SIWE.")
  public Response nostr(
      @NotNull(message = "a JSON body is required") @Valid NostrProof body,
      @Context HttpHeaders headers) {
    return granted(
        ConflictRetry.run(
            () ->
                signIn.withNostr(
                    body.event.toString(), base(), headers.getHeaderString("User-Agent"))));
  }

  @POST
  @Path("logout")
  @Authenticated
  @Operation(summary = "End the current session and clear its cookie")
  public Response logout(@Context SecurityContext security) {
    Caller caller = (Caller) security.getUserPrincipal();
    if (caller.sessionId() != null) {
      sessions.revoke(caller.accountId(), caller.sessionId());
    }
    return Response.noContent().cookie(SessionCookie.cleared(base())).build();
  }

  @GET
  @Path("sessions")
  @Authenticated
  @Operation(summary = "My active sessions, newest first")
  public List<SessionResponse> mine(@Context SecurityContext security) {
    Caller caller = (Caller) security.getUserPrincipal();
    return sessions.active(caller.accountId()).stream()
        .map(
            s -> {
              SessionResponse r = SessionResponse.of(s);
              r.current = s.id().equals(caller.sessionId());
              return r;
            })
        .toList();
  }

  @DELETE
  @Path("sessions/{id}")
  @Authenticated
  @Operation(summary = "Revoke one of my sessions (it is refused at once, terminals close)")
  public Response revoke(
      @PathParam("id") @Pattern(regexp = SESSION_ID, message = "must be a session id (a UUID)")
          String id,
      @Context SecurityContext security) {
    sessions.revoke(((Caller) security.getUserPrincipal()).accountId(), id);
    return Response.noContent().build();
  }

  private Response granted(SignIn.Grant grant) {
    SessionResponse r = SessionResponse.of(grant.opened().session());
    r.token = grant.opened().token();
    r.current = true;
    r.account = AccountResponse.of(grant.account());
    return Response.ok(r)
        .cookie(SessionCookie.of(r.token, r.expiresAt, base()))
        .header("Cache-Control", "no-store")
        .build();
  }

  private String base() {
    return publicUrl.of(servletRequest.getLocalPort());
  }
}
