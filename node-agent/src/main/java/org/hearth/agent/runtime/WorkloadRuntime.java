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
}
