package org.hearth.application.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hearth.domain.identity.KeyKind;

/** An account as its holder sees it: profile, keys and roles. */
public record AccountView(
    String id,
    String displayName,
    String contact,
    Instant createdAt,
    List<Key> keys,
    Set<Role> roles) {

  /** A key that proves the account. */
  public record Key(KeyKind kind, String value, Instant addedAt) {}
}
