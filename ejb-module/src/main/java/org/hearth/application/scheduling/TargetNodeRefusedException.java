package org.hearth.application.scheduling;

import jakarta.ejb.ApplicationException;

/** The node a tenant named cannot take the VM now. */
@ApplicationException(rollback = true)
public class TargetNodeRefusedException extends RuntimeException {

  public TargetNodeRefusedException(String nodeId, String reason) {
    super("Node " + nodeId + " cannot take this VM: " + reason);
  }
}
