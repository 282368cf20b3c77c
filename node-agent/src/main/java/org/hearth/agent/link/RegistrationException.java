package org.hearth.agent.link;

/** The server refused the registration; retrying the same request would not help. */
public class RegistrationException extends Exception {
  public RegistrationException(String message) {
    super(message);
  }
}
