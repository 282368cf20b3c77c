package org.hearth.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A key that proves an account. The key is the primary key: it belongs to one account only. */
@Entity
@Table(name = "account_key")
@IdClass(AccountKey.Ref.class)
public class AccountKey {

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private KeyKind kind;

  @Id
  @Column(name = "key_value")
  private String value;

  @Column(name = "account_id", nullable = false, updatable = false)
  private String accountId;

  @Column(name = "added_at", nullable = false, updatable = false)
  private Instant addedAt;

  protected AccountKey() {}

  public AccountKey(KeyKind kind, String value, String accountId, Instant now) {
    this.kind = kind;
    this.value = value;
    this.accountId = accountId;
    this.addedAt = now;
  }

  public KeyKind kind() {
    return kind;
  }

  public String value() {
    return value;
  }

  public String accountId() {
    return accountId;
  }

  public Instant addedAt() {
    return addedAt;
  }

  /** The primary key of an {@link AccountKey}. */
  public static class Ref implements Serializable {
    private KeyKind kind;
    private String value;

    public Ref() {}

    public Ref(KeyKind kind, String value) {
      this.kind = kind;
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ref other && kind == other.kind && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, value);
    }
  }
}
