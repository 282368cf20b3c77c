package org.hearth.domain.vm;

import jakarta.ejb.ApplicationException;

/** A VM was asked to move to a state its current state cannot lead to. */
@ApplicationException(rollback = true)
public class IllegalVmTransitionException extends RuntimeException {

  public IllegalVmTransitionException(String vmId, VmState from, VmState to) {
    super("VM " + vmId + " is " + from + " and cannot become " + to);
  }
}
