package org.hearth.application.compute;

import org.hearth.domain.vm.VmState;

/** The {@code status} tag of a job result (kind 6900). */
public enum JobStatus {
  /** One node's offer for the request: accept it with a kind 5901 event. */
  BID("bid"),
  /** No node can take the request now; the content says why. */
  NO_BIDS("no-bids"),
  /** The tenant's balance cannot pay the first billing period; the content says how to deposit. */
  PAYMENT_REQUIRED("payment-required"),
  /** The request or acceptance was refused; the content says why. */
  ERROR("error"),
  SCHEDULED("scheduled"),
  RUNNING("running"),
  SUSPENDED("suspended"),
  STOPPED("stopped"),
  FAILED("failed");

  private final String tag;

  JobStatus(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  /** The status a VM in {@code state} has; null while it waits for capacity. */
  public static JobStatus of(VmState state) {
    switch (state) {
      case REQUESTED:
        return null;
      case SCHEDULED:
      case PROVISIONING:
        return SCHEDULED;
      case RUNNING:
        return RUNNING;
      case SUSPENDED:
        return SUSPENDED;
      case STOPPING:
      case TERMINATED:
        return STOPPED;
      default:
        return FAILED;
    }
  }

  /** Whether nothing follows this status. */
  public boolean isFinal() {
    return this == STOPPED || this == FAILED;
  }
}
