package org.hearth.agent.vm;

import java.util.concurrent.CompletableFuture;
import org.hearth.agent.runtime.RunningWorkload;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.agent.VmSpec;

/** One VM the supervisor knows, from Provision until its final status has reached the server. */
final class VmEntry {
  final String vmId;
  final VmSpec spec;
  VmRuntimeState state = VmRuntimeState.PROVISIONING;

  /** Null until the runtime has started it. */
  RunningWorkload workload;

  /** Set by Stop or Suspend (or the agent's shutdown): the workload is being ended. */
  boolean stopRequested;

  /** Set by Suspend: the workload ends but the runtime keeps the VM's files. */
  boolean suspending;

  /** Set by a Stop that arrives while the VM is being suspended: its kept files go too. */
  boolean discardOnEnd;

  /**
   * Set when the VM ended suspended: its files are kept for a later Provision, and a Stop deletes
   * them.
   */
  boolean filesKept;

  /**
   * Set when a Provision of this VM arrives while it is being stopped: the server restarts it, so
   * it is started again with this spec once the old workload is gone.
   */
  VmSpec restartWith;

  /** Why the agent itself ended the VM (it is shutting down), else null. */
  String endedByAgent;

  /** Set once the VM has ended; kept until sent, to be sent again after a reconnect. */
  AgentMessage.VmStatus finalStatus;

  /** Completes once the final status is set (and its first send attempted). */
  final CompletableFuture<Void> ended = new CompletableFuture<>();

  VmEntry(String vmId, VmSpec spec) {
    this.vmId = vmId;
    this.spec = spec;
  }

  boolean live() {
    return finalStatus == null;
  }

  AgentMessage.VmStatus status() {
    return live() ? new AgentMessage.VmStatus(vmId, state, null, false, null) : finalStatus;
  }
}
