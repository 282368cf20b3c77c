package org.hearth.application.settlement;

/** The settlement chain is not configured, or its RPC node did not answer. */
public class ChainUnavailableException extends RuntimeException {

  public ChainUnavailableException(String message) {
    super(message);
  }

  public ChainUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
