package org.hearth.domain.node;

import java.util.Optional;

/**
 * A node's capacity as placement sees it: what it offers to VMs, what its live VMs hold, and how
 * many VMs it runs out of the most its provider allows.
 */
public record Capacity(Demand offered, Demand allocated, int vms, int maxVms) {

  /** Why this capacity cannot take {@code demand} now, or empty when it can. */
  public Optional<String> shortOf(Demand demand) {
    if (vms + 1 > maxVms) {
      return Optional.of("already runs its maximum of " + maxVms + " VMs");
    }
    if (allocated.coreShares() + demand.coreShares() > offered.coreShares()) {
      return Optional.of("not enough free CPU");
    }
    if (allocated.memoryMib() + demand.memoryMib() > offered.memoryMib()) {
      return Optional.of("not enough free memory");
    }
    if (allocated.diskGib() + demand.diskGib() > offered.diskGib()) {
      return Optional.of("not enough free disk");
    }
    if (allocated.gpus() + demand.gpus() > offered.gpus()) {
      return Optional.of("not enough free GPUs");
    }
    return Optional.empty();
  }

  /**
   * The smaller of the CPU and memory shares left free once {@code demand} is placed, in [0, 1]:
   * preferring nodes where this is large spreads load.
   */
  public double freeShareAfter(Demand demand) {
    double cpu =
        share(
            offered.coreShares() - allocated.coreShares() - demand.coreShares(),
            offered.coreShares());
    double memory =
        share(
            offered.memoryMib() - allocated.memoryMib() - demand.memoryMib(), offered.memoryMib());
    return Math.min(cpu, memory);
  }

  private static double share(long free, long total) {
    return total <= 0 ? 0 : Math.max(0, Math.min(1, (double) free / total));
  }
}
