package org.hearth.agent.runtime;

/** Starts VMs as workloads of one kind (one implementation so far: {@link SandboxRuntime}). */
public interface WorkloadRuntime {

  /** The runtime's name in VM specs, e.g. {@code "sandbox"}. */
  String name();

  /**
   * Starts the VM's command and returns once it is running (or has already ended, which {@link
   * RunningWorkload#exit()} then tells).
   *
   * @throws WorkloadException when the host lacks what the runtime needs or the VM cannot be set up
   */
  RunningWorkload start(WorkloadSpec spec) throws WorkloadException;

  /**
   * Deletes whatever files a VM that is not running here left behind: one that was {@linkplain
   * RunningWorkload#suspend() suspended}, or one of an earlier run of the agent. Idempotent (does
   * nothing when there are none); never follows symbolic links the VM may have planted.
   *
   * @throws IllegalArgumentException when {@code vmId} is not a valid VM id (see {@link
   *     WorkloadSpec})
   * @throws WorkloadException when a VM of that id is running or starting here (stop that workload
   *     instead), or its files cannot be deleted
   */
  void discard(String vmId) throws WorkloadException;
}
