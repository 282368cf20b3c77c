package org.hearth.protocol.agent;

/** A VM's state as its agent sees it. */
public enum VmRuntimeState {
  /** Being set up: sandbox, cgroups, files. */
  PROVISIONING,
  /** Its command is running. */
  RUNNING,
  /** Its command ended by itself; see the exit code. */
  EXITED,
  /** Ended because the orchestrator asked the agent to stop it. */
  STOPPED,
  /** Could not start, or was killed (out of memory); see the reason. */
  FAILED
}
