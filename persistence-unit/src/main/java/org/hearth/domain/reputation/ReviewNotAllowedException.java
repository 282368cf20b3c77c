package org.hearth.domain.reputation;

import jakarta.ejb.ApplicationException;

/** The VM cannot give a review (yet): it has not ended, or never ran on a node. */
@ApplicationException(rollback = true)
public class ReviewNotAllowedException extends RuntimeException {

  public ReviewNotAllowedException(String message) {
    super(message);
  }
}
