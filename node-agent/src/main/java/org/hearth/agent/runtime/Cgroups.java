package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Path;

/** The cgroup hierarchy VMs are limited by: v2 (unified) or v1 (one hierarchy per controller). */
public interface Cgroups {

  /** The group under each hierarchy's root that holds the VMs' cgroups. */
  String PARENT = "hearth";

  /** {@code "v1"} or {@code "v2"}. */
  String version();

  /**
   * Creates the cgroup {@code <root>/hearth/<name>} with these limits, first killing and removing a
   * stale one of that name (left by an agent that died).
   */
  Cgroup create(String name, CgroupLimits limits) throws IOException;

  /**
   * Finds the hierarchy of this machine from {@code /proc/self/mountinfo}: v2 when a cgroup2 mount
   * offers the cpu, memory and pids controllers, else v1 when all three are mounted.
   *
   * @throws WorkloadException when neither is usable
   */
  static Cgroups detect() throws WorkloadException {
    return CgroupDetector.detect(Path.of("/proc/self/mountinfo"));
  }
}
