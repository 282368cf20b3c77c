package org.hearth.interfaces.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

/** {@link ProblemMappers#problemFor}: bodies that could not be read. */
class ProblemMappersTest {

  @Test
  void aBodyWhoseClientWentAwayIsTheClientsProblem() {
    Problem problem =
        ProblemMappers.problemFor(new ProcessingException(new EOFException("Reset by peer")));

    assertEquals(400, problem.status());
    assertEquals(ProblemType.MALFORMED_REQUEST.uri(), problem.type());
  }

  @Test
  void aBodyOverTheLimitIsStill413WhateverWrapsIt() {
    Problem problem =
        ProblemMappers.problemFor(
            new ProcessingException(
                new EOFException("cut").initCause(new PayloadTooLargeException(65_536))));

    assertEquals(413, problem.status());
  }
}
