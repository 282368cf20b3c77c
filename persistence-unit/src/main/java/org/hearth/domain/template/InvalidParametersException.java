package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** Deployment parameters a template does not declare, or required ones left out. */
@ApplicationException(rollback = true)
public class InvalidParametersException extends RuntimeException {

  public InvalidParametersException(String message) {
    super(message);
  }
}
