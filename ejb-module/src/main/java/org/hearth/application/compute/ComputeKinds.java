package org.hearth.application.compute;

/** The Nostr kinds of Hearth's compute market (docs/nip-compute.md). */
public final class ComputeKinds {

  /** A provider's offer, addressable by node id. */
  public static final int OFFER = 31900;

  /** A tenant's job request: a VM spec, as {@code POST /api/vms} takes it. */
  public static final int JOB_REQUEST = 5900;

  /** A tenant accepts one bid (named by an {@code e} tag). */
  public static final int BID_ACCEPTANCE = 5901;

  /** From the marketplace: a bid, or a status of the job. */
  public static final int JOB_RESULT = 6900;

  /** A tenant's rating of the node its job ran on, after the VM ended. */
  public static final int FEEDBACK = 7900;

  /** The marketplace's compute capabilities, replaceable. */
  public static final int CAPABILITIES = 10032;

  /** A node's attestation (TEE or host), replaceable per author. */
  public static final int ATTESTATION = 10033;

  private ComputeKinds() {}
}
