package org.hearth.domain.template;

/** Deployment parameters a template does not declare, or required ones left out. */
public class InvalidParametersException extends RuntimeException {

  public InvalidParametersException(String message) {
    super(message);
  }
}
