package org.hearth.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hearth.domain.identity.SignInMethod;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;

/** Signs in with a proven key: finds or creates its account and opens a session. */
@Stateless
@ReportsConcurrentChanges
public class SignIn {

  @Inject KeyProofs proofs;
  @Inject Accounts accounts;
  @Inject Sessions sessions;

  /** A session and the account it is for. */
  public record Grant(Sessions.Opened opened, AccountView account) {}

  public Grant withEthereum(String message, String signature, String publicUrl, String userAgent) {
    return grant(proofs.ethereum(message, signature, publicUrl), SignInMethod.SIWE, userAgent);
  }

  public Grant withNostr(String eventJson, String publicUrl, String userAgent) {
    return grant(proofs.nostr(eventJson, publicUrl), SignInMethod.NOSTR, userAgent);
  }

  /** Links a key proven like a sign-in to the signed-in account. */
  public AccountView linkEthereum(
      String accountId, String message, String signature, String publicUrl) {
    KeyProofs.ProvenKey key = proofs.ethereum(message, signature, publicUrl);
    return accounts.link(accountId, key.kind(), key.value());
  }

  public AccountView linkNostr(String accountId, String eventJson, String publicUrl) {
    KeyProofs.ProvenKey key = proofs.nostr(eventJson, publicUrl);
    return accounts.link(accountId, key.kind(), key.value());
  }

  private Grant grant(KeyProofs.ProvenKey key, SignInMethod method, String userAgent) {
    String accountId = accounts.signIn(key.kind(), key.value());
    Sessions.Opened opened = sessions.open(accountId, method, truncate(userAgent));
    return new Grant(opened, accounts.view(accountId));
  }

  private static String truncate(String userAgent) {
    return userAgent == null || userAgent.length() <= 256 ? userAgent : userAgent.substring(0, 256);
  }
}
