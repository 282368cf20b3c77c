package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** A key to link already proves another account. */
@ApplicationException(rollback = true)
public class KeyTakenException extends RuntimeException {

  public KeyTakenException() {
    super("This key already belongs to another account");
  }
}
