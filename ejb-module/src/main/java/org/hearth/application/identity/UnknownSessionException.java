package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** The caller has no session with this id. */
@ApplicationException(rollback = true)
public class UnknownSessionException extends RuntimeException {

  public UnknownSessionException(String sessionId) {
    super("You have no session with the id " + sessionId);
  }
}
