package org.hearth.domain.reputation;

/** The VM's node has already been reviewed for that VM. */
public class AlreadyReviewedException extends RuntimeException {

  public AlreadyReviewedException(String vmId) {
    super("VM " + vmId + " has already been reviewed; a VM gives one review");
  }
}
