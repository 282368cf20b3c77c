package org.hearth.agent.runtime;

import java.util.concurrent.CompletableFuture;

/** A started VM. */
public interface RunningWorkload {

  String vmId();

  boolean isAlive();

  /** Completes once, when the workload ends for any reason. */
  CompletableFuture<WorkloadExit> exit();

  /**
   * Kills the whole process tree (SIGTERM, a short grace, then SIGKILL), removes the VM's cgroups,
   * <b>deletes its files</b> and completes {@link #exit()}; returns once all that is done and the
   * runtime may start the VM id again. Idempotent; also the way to remove the files of a VM that
   * ended by itself. After {@link #suspend()} it does nothing more: the kept files are no longer
   * this workload's, {@link WorkloadRuntime#discard(String)} deletes them.
   */
  void stop();

  /**
   * Ends the VM like {@link #stop()} (same grace, then SIGKILL; cgroups removed; {@link #exit()}
   * completed) but <b>keeps its files</b>, so that a later {@link WorkloadRuntime#start} of the
   * same VM id runs on the disk it had; returns once the runtime may start the VM id again.
   * Idempotent, and does nothing after {@link #stop()}.
   */
  void suspend();

  /**
   * Opens a shell on a new PTY inside the VM's namespaces and cgroup.
   *
   * @throws WorkloadException when the VM is not running or the shell cannot be started
   */
  Terminal openTerminal(int cols, int rows) throws WorkloadException;
}
