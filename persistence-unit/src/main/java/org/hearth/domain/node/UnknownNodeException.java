package org.hearth.domain.node;

import jakarta.ejb.ApplicationException;

/** No node has this id. */
@ApplicationException(rollback = true)
public class UnknownNodeException extends RuntimeException {

  public UnknownNodeException(String nodeId) {
    super("No node has the id " + nodeId);
  }
}
