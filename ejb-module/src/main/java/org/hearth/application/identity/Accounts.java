package org.hearth.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.domain.identity.Account;
import org.hearth.domain.identity.AccountKey;
import org.hearth.domain.identity.KeyKind;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;

/**
 * Accounts and the keys that prove them. An account is created the first time one of its keys signs
 * in; two racing first sign-ins of one key collide on the key's primary key, and the loser's retry
 * finds the winner's account.
 */
@Stateless
@ReportsConcurrentChanges
public class Accounts {

  private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

  @Inject IdentitySettings settings;
  @Inject Clock clock;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  /** The id of the account this key proves, created if the key is new. */
  public String signIn(KeyKind kind, String key) {
    AccountKey existing = em.find(AccountKey.class, new AccountKey.Ref(kind, key));
    if (existing != null) {
      return existing.accountId();
    }
    Account account = new Account(clock.instant());
    em.persist(account);
    em.persist(new AccountKey(kind, key, account.id(), clock.instant()));
    em.flush();
    LOG.log(
        System.Logger.Level.INFO, "account {0}: created by {1} key {2}", account.id(), kind, key);
    return account.id();
  }

  /** Whether {@code key} (a Nostr hex public key or an Ethereum address) proves this account. */
  public boolean holdsKey(String accountId, String key) {
    KeyKind kind = key.startsWith("0x") ? KeyKind.ETHEREUM : KeyKind.NOSTR;
    AccountKey found = em.find(AccountKey.class, new AccountKey.Ref(kind, key));
    return found != null && found.accountId().equals(accountId);
  }

  /** The account's Nostr keys, oldest first. */
  public List<String> nostrKeys(String accountId) {
    return keys(accountId).stream()
        .filter(k -> k.kind() == KeyKind.NOSTR)
        .map(AccountKey::value)
        .toList();
  }

  public boolean exists(String accountId) {
    return em.find(Account.class, accountId) != null;
  }

  public AccountView view(String accountId) {
    return view(find(accountId));
  }

  /** Changes the profile; a null field is left as it is, an empty one is cleared. */
  public AccountView update(String accountId, String displayName, String contact) {
    Account account = find(accountId);
    if (displayName != null) {
      account.rename(displayName.isEmpty() ? null : displayName);
    }
    if (contact != null) {
      account.changeContact(contact.isEmpty() ? null : contact);
    }
    return view(account);
  }

  /**
   * Links a proven key to the account (idempotent).
   *
   * @throws KeyTakenException if the key proves another account
   */
  public AccountView link(String accountId, KeyKind kind, String key) {
    Account account = find(accountId);
    AccountKey existing = em.find(AccountKey.class, new AccountKey.Ref(kind, key));
    if (existing != null && !existing.accountId().equals(accountId)) {
      throw new KeyTakenException();
    }
    if (existing == null) {
      em.persist(new AccountKey(kind, key, accountId, clock.instant()));
      em.flush();
      LOG.log(System.Logger.Level.INFO, "account {0}: {1} key {2} linked", accountId, kind, key);
    }
    return view(account);
  }

  /**
   * Unlinks one of the account's keys: it no longer signs in to it (a wallet's later deposits wait
   * unclaimed). The account row is locked first, so two concurrent unlinks cannot remove the last
   * two keys between them.
   *
   * @throws KeyNotLinkedException if the key does not prove this account
   * @throws LastKeyException if it is the account's only key
   */
  public AccountView unlink(String accountId, KeyKind kind, String key) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new UnknownAccountException(accountId);
    }
    AccountKey existing = em.find(AccountKey.class, new AccountKey.Ref(kind, key));
    if (existing == null || !existing.accountId().equals(accountId)) {
      throw new KeyNotLinkedException(key);
    }
    if (keys(accountId).size() == 1) {
      throw new LastKeyException();
    }
    em.remove(existing);
    em.flush();
    LOG.log(System.Logger.Level.INFO, "account {0}: {1} key {2} unlinked", accountId, kind, key);
    return view(account);
  }

  /** A page of all accounts, newest first (for admins). */
  public List<AccountView> newest(int page, int size) {
    return em
        .createQuery("SELECT a FROM Account a ORDER BY a.createdAt DESC, a.id", Account.class)
        .setFirstResult(page * size)
        .setMaxResults(size)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  public Set<Role> roles(String accountId) {
    Set<Role> roles = EnumSet.of(Role.TENANT);
    if (keys(accountId).stream().anyMatch(k -> settings.isAdminKey(k.value()))) {
      roles.add(Role.ADMIN);
    }
    return roles;
  }

  private Account find(String accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw new UnknownAccountException(accountId);
    }
    return account;
  }

  private List<AccountKey> keys(String accountId) {
    return em.createQuery(
            "SELECT k FROM AccountKey k WHERE k.accountId = :account ORDER BY k.addedAt, k.value",
            AccountKey.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  private AccountView view(Account account) {
    List<AccountView.Key> keys =
        keys(account.id()).stream()
            .map(k -> new AccountView.Key(k.kind(), k.value(), k.addedAt()))
            .toList();
    return new AccountView(
        account.id(),
        account.displayName(),
        account.contact(),
        account.createdAt(),
        keys,
        roles(account.id()));
  }
}
