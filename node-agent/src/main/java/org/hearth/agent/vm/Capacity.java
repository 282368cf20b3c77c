package org.hearth.agent.vm;

import org.hearth.agent.host.HostInventory;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * An amount of node capacity. CPU is in core shares ({@link Tier#SHARES_PER_CORE} per core), so the
 * overcommit of a VM's tier is counted exactly; memory, disk and GPUs are never overcommitted.
 */
public record Capacity(long coreShares, long memoryMiB, long diskGiB, int gpus) {

  public static final Capacity NONE = new Capacity(0, 0, 0, 0);

  /** What the node offers: the host less what the provider reserves for it. */
  public static Capacity offered(HostInventory host, ProviderPolicy.Reserved reserved) {
    return new Capacity(
        (long) Tier.SHARES_PER_CORE * (host.cores() - reserved.cores()),
        host.memoryMiB() - reserved.memoryMiB(),
        host.diskGiB() - reserved.diskGiB(),
        host.gpus().size());
  }

  /** What a VM takes. */
  public static Capacity of(VmSpec spec) {
    return new Capacity(
        spec.tier().coreShares(spec.vcpus()), spec.memoryMiB(), spec.diskGiB(), spec.gpus());
  }

  public Capacity plus(Capacity other) {
    return new Capacity(
        coreShares + other.coreShares,
        memoryMiB + other.memoryMiB,
        diskGiB + other.diskGiB,
        gpus + other.gpus);
  }
}
