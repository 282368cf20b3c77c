package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** A sign-in (or key proof) failed; the message says which check. */
@ApplicationException(rollback = true)
public class SignInException extends RuntimeException {

  public SignInException(String reason) {
    super(reason);
  }
}
