package org.hearth.agent.runtime;

/**
 * Limits of one cgroup.
 *
 * @param cpuQuotaMicros CPU time allowed per period, over all CPUs
 * @param cpuPeriodMicros the CFS period
 * @param memoryBytes memory limit, swap included
 * @param pidsMax most processes and threads at once
 */
public record CgroupLimits(
    long cpuQuotaMicros, long cpuPeriodMicros, long memoryBytes, long pidsMax) {

  /** The kernel's default CFS period, 100 ms. */
  public static final long CPU_PERIOD_MICROS = 100_000;

  /** A quota of {@code vcpus} whole CPUs per default period. */
  public static CgroupLimits of(int vcpus, long memoryMiB, long pidsMax) {
    return new CgroupLimits(
        vcpus * CPU_PERIOD_MICROS,
        CPU_PERIOD_MICROS,
        Math.multiplyExact(memoryMiB, 1024 * 1024),
        pidsMax);
  }
}
