package org.hearth.domain.reputation;

import jakarta.ejb.ApplicationException;

/** The VM's node has already been reviewed for that VM. */
@ApplicationException(rollback = true)
public class AlreadyReviewedException extends RuntimeException {

  public AlreadyReviewedException(String vmId) {
    super("VM " + vmId + " has already been reviewed; a VM gives one review");
  }
}
