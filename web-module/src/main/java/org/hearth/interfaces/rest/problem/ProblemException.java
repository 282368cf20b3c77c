package org.hearth.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;

/** Ends a request with a problem response. */
public class ProblemException extends WebApplicationException {

  public ProblemException(ProblemType type, String detail) {
    super(detail, Problem.of(type, detail).toResponse());
  }
}
