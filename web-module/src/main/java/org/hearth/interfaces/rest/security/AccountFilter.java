package org.hearth.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Optional;
import org.hearth.application.identity.Accounts;
import org.hearth.application.identity.Sessions;
import org.hearth.domain.identity.KeyKind;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.protocol.nostr.nip98.Nip98Exception;

/**
 * Authenticates {@link Authenticated} requests. An {@code Authorization} header decides how: {@code
 * Bearer <token>} or {@code Nostr <NIP-98 event>} (the key's account is created on its first
 * request); without one, the session cookie. A cookie-authenticated write must come from Hearth's
 * own origin ({@code Origin} or {@code Referer}), so no other site can make a browser send it.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AccountFilter implements ContainerRequestFilter {

  @Inject Sessions sessions;
  @Inject Accounts accounts;
  @Inject Nip98Check nip98;
  @Inject PublicUrl publicUrl;
  @Inject SameOrigin sameOrigin;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String base = publicUrl.of(servletRequest.getLocalPort());
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.startsWith("Nostr ")) {
      try {
        String pubkey = nip98.signer(request, base);
        String accountId = ConflictRetry.run(() -> accounts.signIn(KeyKind.NOSTR, pubkey));
        authenticate(request, new Sessions.Caller(null, accountId), base, "Nostr");
      } catch (Nip98Exception e) {
        request.abortWith(Nip98Filter.unauthenticated(e.getMessage()));
      }
      return;
    }
    if (authorization != null) {
      if (!authorization.startsWith("Bearer ")) {
        request.abortWith(
            Nip98Filter.unauthenticated("the Authorization scheme must be Bearer or Nostr"));
        return;
      }
      withSession(request, authorization.substring("Bearer ".length()).trim(), base, "Bearer");
      return;
    }
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    if (cookie == null) {
      request.abortWith(
          Nip98Filter.unauthenticated(
              "sign in: a session (Bearer token or cookie) or a NIP-98 signature is required"));
      return;
    }
    if (!sameOrigin.isSafe(request.getMethod()) && !sameOrigin.fromHearth(request, base)) {
      request.abortWith(
          Problem.of(
                  ProblemType.CROSS_SITE_REQUEST,
                  "a write with the session cookie must come from " + base)
              .toResponse());
      return;
    }
    withSession(request, cookie.getValue(), base, "Cookie");
  }

  private void withSession(
      ContainerRequestContext request, String token, String base, String scheme) {
    Optional<Sessions.Caller> caller = sessions.authenticate(token);
    if (caller.isEmpty()) {
      request.abortWith(
          Nip98Filter.unauthenticated("the session is unknown, expired, revoked or logged out"));
      return;
    }
    authenticate(request, caller.get(), base, scheme);
  }

  private void authenticate(
      ContainerRequestContext request, Sessions.Caller session, String base, String scheme) {
    Caller caller =
        new Caller(session.accountId(), session.sessionId(), accounts.roles(session.accountId()));
    request.setSecurityContext(new CallerSecurityContext(caller, base, scheme));
  }
}
