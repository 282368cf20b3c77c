package org.hearth.domain.vm;

import jakarta.ejb.ApplicationException;

/** No VM with this id belongs to the caller (whether it exists for someone else is not told). */
@ApplicationException(rollback = true)
public class UnknownVmException extends RuntimeException {

  public UnknownVmException(String vmId) {
    super("You have no VM with the id " + vmId);
  }
}
