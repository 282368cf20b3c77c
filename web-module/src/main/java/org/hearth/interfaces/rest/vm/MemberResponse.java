package org.hearth.interfaces.rest.vm;

import java.time.Instant;
import org.hearth.domain.vm.VmMember;

/** An account a VM is shared with. */
public class MemberResponse {
  public String accountId;
  public Instant addedAt;

  static MemberResponse of(VmMember member) {
    MemberResponse r = new MemberResponse();
    r.accountId = member.accountId();
    r.addedAt = member.addedAt();
    return r;
  }
}
