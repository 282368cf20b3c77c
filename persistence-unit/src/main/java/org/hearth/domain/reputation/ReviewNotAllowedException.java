package org.hearth.domain.reputation;

/** The VM cannot give a review (yet): it has not ended, or never ran on a node. */
public class ReviewNotAllowedException extends RuntimeException {

  public ReviewNotAllowedException(String message) {
    super(message);
  }
}
