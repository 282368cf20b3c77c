package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** Only tenants who deployed a template rate it, and never its author. */
@ApplicationException(rollback = true)
public class RatingNotAllowedException extends RuntimeException {

  public RatingNotAllowedException(String message) {
    super(message);
  }
}
