package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** Unlinking this key would leave the account with no way to sign in. */
@ApplicationException(rollback = true)
public class LastKeyException extends RuntimeException {

  public LastKeyException() {
    super("This is the account's only key: link another before removing it");
  }
}
