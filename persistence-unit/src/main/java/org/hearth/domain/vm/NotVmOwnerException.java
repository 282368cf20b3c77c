package org.hearth.domain.vm;

import jakarta.ejb.ApplicationException;

/** A member of a VM asked for something only its owner may do. */
@ApplicationException(rollback = true)
public class NotVmOwnerException extends RuntimeException {

  public NotVmOwnerException(String vmId) {
    super("Only the owner of VM " + vmId + " may do this; members may view it and open terminals");
  }
}
