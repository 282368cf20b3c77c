package org.hearth.domain.vm;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * Announces every write of a VM row as a {@link VmChanged} CDI event, so that whoever shows VMs
 * live (the VM event stream) hears of each change however it was made.
 */
public class VmChangeAnnouncer {

  @PostPersist
  @PostUpdate
  void written(Vm vm) {
    CDI.current()
        .getBeanManager()
        .getEvent()
        .select(VmChanged.class)
        .fire(
            new VmChanged(
                vm.id(),
                vm.ownerAccountId(),
                vm.state(),
                vm.stateReason(),
                vm.nodeId(),
                vm.updatedAt()));
  }
}
