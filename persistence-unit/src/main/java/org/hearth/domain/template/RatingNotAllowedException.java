package org.hearth.domain.template;

/** Only tenants who deployed a template rate it, and never its author. */
public class RatingNotAllowedException extends RuntimeException {

  public RatingNotAllowedException(String message) {
    super(message);
  }
}
