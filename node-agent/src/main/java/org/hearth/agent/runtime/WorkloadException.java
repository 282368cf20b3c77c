package org.hearth.agent.runtime;

/** A VM could not be started, or a terminal could not be opened; the message says why. */
public class WorkloadException extends Exception {

  public WorkloadException(String message) {
    super(message);
  }

  public WorkloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
