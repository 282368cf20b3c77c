package org.hearth.application.billing;

import jakarta.ejb.ApplicationException;

/** The tenant's balance cannot pay the first billing period of what they asked for. */
@ApplicationException(rollback = true)
public class PaymentRequiredException extends RuntimeException {

  public PaymentRequiredException(String message) {
    super(message);
  }
}
