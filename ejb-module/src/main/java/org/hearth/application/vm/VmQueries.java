package org.hearth.application.vm;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.hearth.domain.vm.VmRepository;
import org.hearth.infrastructure.time.ServerStart;

/** Read-only lookups for the supervision timer, each in its own short transaction. */
@Stateless
public class VmQueries {

  @Inject VmRepository vms;
  @Inject ServerStart serverStart;

  public List<String> waiting() {
    return vms.waiting();
  }

  public List<String> expiredBefore(Instant now) {
    return vms.expiredBefore(now);
  }

  public List<String> suspendedSince(Instant cutoff) {
    return vms.suspendedSince(cutoff);
  }

  /** Before the startup grace is over, only nodes heard from since this server started count. */
  public List<String> onNodesSilentSince(Instant cutoff) {
    Instant heardSince = serverStart.graceOver() ? Instant.EPOCH : serverStart.startedAt();
    return vms.onNodesSilentSince(cutoff, heardSince);
  }
}
