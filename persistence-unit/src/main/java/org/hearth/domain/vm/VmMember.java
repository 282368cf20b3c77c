package org.hearth.domain.vm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An account a VM's owner shares the VM with: it may view the VM and open terminals. */
@Entity
@Table(name = "vm_member")
@IdClass(VmMember.Ref.class)
public class VmMember {

  @Id
  @Column(name = "vm_id")
  private String vmId;

  @Id
  @Column(name = "account_id")
  private String accountId;

  @Column(name = "added_at", nullable = false, updatable = false)
  private Instant addedAt;

  protected VmMember() {}

  public VmMember(String vmId, String accountId, Instant now) {
    this.vmId = vmId;
    this.accountId = accountId;
    this.addedAt = now;
  }

  public String accountId() {
    return accountId;
  }

  public Instant addedAt() {
    return addedAt;
  }

  /** The primary key of a {@link VmMember}. */
  public static class Ref implements Serializable {
    private String vmId;
    private String accountId;

    public Ref() {}

    public Ref(String vmId, String accountId) {
      this.vmId = vmId;
      this.accountId = accountId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ref other
          && Objects.equals(vmId, other.vmId)
          && Objects.equals(accountId, other.accountId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(vmId, accountId);
    }
  }
}
