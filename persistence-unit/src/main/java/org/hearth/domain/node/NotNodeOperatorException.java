package org.hearth.domain.node;

import jakarta.ejb.ApplicationException;

/** The caller's account is not the node's operator (or not the one its registration names). */
@ApplicationException(rollback = true)
public class NotNodeOperatorException extends RuntimeException {

  public NotNodeOperatorException(String detail) {
    super(detail);
  }
}
