package org.hearth.interfaces.rest.identity;

import java.time.Instant;
import java.util.List;
import org.hearth.application.identity.AccountView;

/** An account as its holder sees it. */
public class AccountResponse {
  public String id;
  public String displayName;
  public String contact;
  public Instant createdAt;
  public List<Key> keys;
  public List<String> roles;

  /** A key that proves the account. */
  public static class Key {
    public String kind;
    public String value;
    public Instant addedAt;
  }

  public static AccountResponse of(AccountView view) {
    AccountResponse r = new AccountResponse();
    r.id = view.id();
    r.displayName = view.displayName();
    r.contact = view.contact();
    r.createdAt = view.createdAt();
    r.keys =
        view.keys().stream()
            .map(
                k -> {
                  Key key = new Key();
                  key.kind = k.kind().name();
                  key.value = k.value();
                  key.addedAt = k.addedAt();
                  return key;
                })
            .toList();
    r.roles = view.roles().stream().map(role -> role.name().toLowerCase()).sorted().toList();
    return r;
  }
}
