package org.hearth.application.vm;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.hearth.domain.vm.VmRepository;

/** Read-only lookups for the supervision timer, each in its own short transaction. */
@Stateless
public class VmQueries {

  @Inject VmRepository vms;

  public List<String> expiredBefore(Instant now) {
    return vms.expiredBefore(now);
  }

  public List<String> onNodesSilentSince(Instant cutoff) {
    return vms.onNodesSilentSince(cutoff);
  }
}
