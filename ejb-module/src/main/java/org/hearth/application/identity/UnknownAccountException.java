package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** No account has this id. */
@ApplicationException(rollback = true)
public class UnknownAccountException extends RuntimeException {

  public UnknownAccountException(String accountId) {
    super("No account has the id " + accountId);
  }
}
