package org.hearth.interfaces.rest.problem;

import java.io.IOException;

/** A request body grew past the limit while it was being read. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
