package org.hearth.domain.node;

import jakarta.ejb.ApplicationException;

/** A request for a node was signed by a key that is not the node's own. */
@ApplicationException(rollback = true)
public class NotNodeOwnerException extends RuntimeException {

  public NotNodeOwnerException(String nodeId) {
    super("Only the key that registered node " + nodeId + " may act for it");
  }
}
