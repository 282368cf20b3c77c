package org.hearth.application.scheduling;

import jakarta.ejb.ApplicationException;

/** A VM could not be placed; the message says why in terms the tenant can act on. */
@ApplicationException(rollback = false)
public class NoEligibleNodeException extends RuntimeException {

  public NoEligibleNodeException(String reason) {
    super(reason);
  }
}
