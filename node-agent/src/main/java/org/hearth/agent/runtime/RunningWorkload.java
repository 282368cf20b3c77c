package org.hearth.agent.runtime;

import java.util.concurrent.CompletableFuture;

/** A started VM. */
public interface RunningWorkload {

  String vmId();

  boolean isAlive();

  /** Completes once, when the workload ends for any reason. */
  CompletableFuture<WorkloadExit> exit();

  /**
   * Kills the whole process tree (SIGTERM, a short grace, then SIGKILL), removes the VM's files and
   * cgroups and completes {@link #exit()}. Idempotent; also the way to remove the files of a VM
   * that ended by itself.
   */
  void stop();

  /**
   * Opens a shell on a new PTY inside the VM's namespaces and cgroup.
   *
   * @throws WorkloadException when the VM is not running or the shell cannot be started
   */
  Terminal openTerminal(int cols, int rows) throws WorkloadException;
}
