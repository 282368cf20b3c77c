package org.hearth.application.identity;

import jakarta.ejb.ApplicationException;

/** The key to unlink does not prove the caller's account (it may prove another: not said). */
@ApplicationException(rollback = true)
public class KeyNotLinkedException extends RuntimeException {

  public KeyNotLinkedException(String key) {
    super("Your account has no key " + key);
  }
}
