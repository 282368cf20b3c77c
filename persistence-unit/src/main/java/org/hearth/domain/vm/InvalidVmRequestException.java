package org.hearth.domain.vm;

import jakarta.ejb.ApplicationException;

/**
 * A VM request that breaks a rule spanning its fields (the field is named as a client sends it).
 */
@ApplicationException(rollback = true)
public class InvalidVmRequestException extends RuntimeException {

  public InvalidVmRequestException(String field, String problem) {
    super(field + ": " + problem);
  }
}
