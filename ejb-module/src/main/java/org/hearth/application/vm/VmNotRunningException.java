package org.hearth.application.vm;

import jakarta.ejb.ApplicationException;
import org.hearth.domain.vm.VmState;

/** The operation needs a running VM. */
@ApplicationException(rollback = true)
public class VmNotRunningException extends RuntimeException {

  public VmNotRunningException(String vmId, VmState state) {
    super("VM " + vmId + " is " + state + ", not RUNNING");
  }
}
