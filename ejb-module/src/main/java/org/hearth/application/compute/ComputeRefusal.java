package org.hearth.application.compute;

import jakarta.ejb.ApplicationException;

/**
 * A job request, acceptance or feedback the market refuses; the message starts with a NIP-01
 * machine-readable prefix ({@code invalid:}, {@code restricted:}, {@code duplicate:}).
 */
@ApplicationException(rollback = true)
public class ComputeRefusal extends RuntimeException {

  public ComputeRefusal(String message) {
    super(message);
  }
}
