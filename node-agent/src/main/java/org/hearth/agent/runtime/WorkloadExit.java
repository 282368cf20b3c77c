package org.hearth.agent.runtime;

/**
 * How a workload ended.
 *
 * @param exitCode the sandbox's exit code (128 + signal when killed)
 * @param outOfMemory the VM exceeded its memory limit and was killed
 * @param stopped the VM was ended by {@link RunningWorkload#stop()} or {@link
 *     RunningWorkload#suspend()}
 * @param reason human-readable, e.g. "out of memory (limit 64 MiB)", "exited with code 3",
 *     "stopped", "suspended"
 */
public record WorkloadExit(int exitCode, boolean outOfMemory, boolean stopped, String reason) {

  static WorkloadExit exited(int exitCode) {
    return new WorkloadExit(exitCode, false, false, "exited with code " + exitCode);
  }

  static WorkloadExit outOfMemory(int exitCode, long limitMiB) {
    return new WorkloadExit(exitCode, true, false, "out of memory (limit " + limitMiB + " MiB)");
  }

  static WorkloadExit stopped(int exitCode) {
    return new WorkloadExit(exitCode, false, true, "stopped");
  }

  static WorkloadExit suspended(int exitCode) {
    return new WorkloadExit(exitCode, false, true, "suspended");
  }
}
