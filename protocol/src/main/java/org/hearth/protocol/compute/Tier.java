package org.hearth.protocol.compute;

/**
 * A VM's quality tier: how far its virtual CPUs may be overcommitted on a node's cores. A VM of
 * tier T with v vCPUs consumes {@code v / ratio(T)} cores of the node's capacity; memory, disk and
 * GPUs are never overcommitted.
 */
public enum Tier {
  GUARANTEED(12),
  STANDARD(8),
  BALANCED(6),
  BURSTABLE(3);

  /**
   * Capacity is counted in twelfths of a core, so every tier's share is exact: 12 is the least
   * common multiple of the ratios' denominators (1, 1.5, 2, 4 give 12, 8, 6, 3 per vCPU).
   */
  public static final int SHARES_PER_CORE = 12;

  private final int sharesPerVcpu;

  Tier(int sharesPerVcpu) {
    this.sharesPerVcpu = sharesPerVcpu;
  }

  /** The overcommit ratio, e.g. 1.5 for {@code STANDARD}. */
  public double ratio() {
    return (double) SHARES_PER_CORE / sharesPerVcpu;
  }

  /** The core shares ({@link #SHARES_PER_CORE} per core) that {@code vcpus} of this tier take. */
  public long coreShares(int vcpus) {
    return (long) sharesPerVcpu * vcpus;
  }
}
