package org.hearth.agent.vm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.agent.link.Outbox;
import org.hearth.agent.runtime.RunningWorkload;
import org.hearth.agent.runtime.WorkloadException;
import org.hearth.agent.runtime.WorkloadExit;
import org.hearth.agent.runtime.WorkloadRuntime;
import org.hearth.agent.runtime.WorkloadSpec;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessage.VmStatus;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;

/**
 * Runs the node's VMs on its workload runtimes and reports every change of state to the server:
 * PROVISIONING, RUNNING, then EXITED, STOPPED or FAILED. Provision and Stop are idempotent: a
 * repeated request is answered with the VM's current status.
 *
 * <p>Statuses are sent under this object's lock, so the server receives them in the order the
 * states changed. A final status that cannot be sent (the link is down) is kept and sent again
 * after the next inventory; only then is the VM forgotten.
 */
public final class VmSupervisor {
  private static final System.Logger LOG = System.getLogger(VmSupervisor.class.getName());

  private final Map<String, WorkloadRuntime> runtimes;
  private final Admission admission;
  private final Outbox outbox;
  private final Executor executor;
  private final Map<String, VmEntry> vms = new LinkedHashMap<>();
  private boolean shuttingDown;

  /**
   * @param offered the capacity VMs may take: the host less the policy's reserve
   * @param executor runs the blocking runtime calls (start, stop)
   */
  public VmSupervisor(
      Collection<WorkloadRuntime> runtimes,
      ProviderPolicy policy,
      Capacity offered,
      Outbox outbox,
      Executor executor) {
    this.runtimes =
        runtimes.stream().collect(Collectors.toMap(WorkloadRuntime::name, Function.identity()));
    this.admission = new Admission(policy, offered, this.runtimes.keySet());
    this.outbox = outbox;
    this.executor = executor;
  }

  public synchronized void provision(String vmId, VmSpec spec) {
    VmEntry known = vms.get(vmId);
    if (known != null && known.live() && known.stopRequested && known.endedByAgent == null) {
      known.restartWith = spec;
      return;
    }
    if (known != null) {
      report(known);
      return;
    }
    Optional<String> refusal =
        shuttingDown
            ? Optional.of("the node agent is shutting down")
            : admission.refusal(spec, liveSpecs());
    if (refusal.isPresent()) {
      LOG.log(System.Logger.Level.INFO, "VM " + vmId + " refused: " + refusal.get());
      outbox.send(new VmStatus(vmId, VmRuntimeState.FAILED, null, false, refusal.get()));
      return;
    }
    VmEntry entry = new VmEntry(vmId, spec);
    vms.put(vmId, entry);
    report(entry);
    executor.execute(() -> start(entry));
  }

  public synchronized void stop(String vmId) {
    VmEntry entry = vms.get(vmId);
    if (entry == null) {
      outbox.send(new VmStatus(vmId, VmRuntimeState.STOPPED, null, false, null));
    } else if (!entry.live()) {
      report(entry);
    } else if (!entry.stopRequested) {
      entry.stopRequested = true;
      stopWorkload(entry);
    }
  }

  /** After the server welcomed a (re)connected link: the inventory, then any unsent endings. */
  public synchronized void reportInventory() {
    List<AgentMessage.VmReport> reports =
        vms.values().stream().map(e -> new AgentMessage.VmReport(e.vmId, e.state)).toList();
    outbox.sendInventory(new AgentMessage.Inventory(reports));
    vms.values().stream().filter(e -> !e.live()).toList().forEach(this::report);
  }

  public synchronized int runningVms() {
    return (int) vms.values().stream().filter(VmEntry::live).count();
  }

  /** The VM's workload, if it is running. */
  public synchronized Optional<RunningWorkload> runningWorkload(String vmId) {
    VmEntry entry = vms.get(vmId);
    return entry != null && entry.state == VmRuntimeState.RUNNING
        ? Optional.of(entry.workload)
        : Optional.empty();
  }

  /**
   * Ends every VM (reported as FAILED: the tenant did not ask for it) and waits up to {@code grace}
   * for their final statuses to be sent.
   */
  public void shutdown(Duration grace) throws InterruptedException {
    List<CompletableFuture<Void>> endings = new ArrayList<>();
    synchronized (this) {
      shuttingDown = true;
      for (VmEntry entry : vms.values()) {
        if (entry.live()) {
          entry.endedByAgent = "the node agent shut down";
          entry.stopRequested = true;
          stopWorkload(entry);
          endings.add(entry.ended);
        }
      }
    }
    try {
      CompletableFuture.allOf(endings.toArray(CompletableFuture[]::new))
          .get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "Not every VM ended cleanly: " + e);
    }
  }

  private void start(VmEntry entry) {
    RunningWorkload workload;
    try {
      workload = runtimes.get(entry.spec.runtime()).start(workloadSpec(entry));
    } catch (WorkloadException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "VM " + entry.vmId + " could not start", e);
      end(entry, VmRuntimeState.FAILED, null, false, "could not start: " + e.getMessage());
      return;
    }
    synchronized (this) {
      entry.workload = workload;
      if (entry.stopRequested) {
        stopWorkload(entry);
      } else {
        entry.state = VmRuntimeState.RUNNING;
        report(entry);
      }
    }
    workload.exit().whenComplete((exit, error) -> exited(entry, exit, error));
  }

  private void exited(VmEntry entry, WorkloadExit exit, Throwable error) {
    if (error != null) {
      end(entry, VmRuntimeState.FAILED, null, false, "lost track of the workload: " + error);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "VM " + entry.vmId + " ended: " + exit);
    boolean stopRequested;
    String endedByAgent;
    synchronized (this) {
      stopRequested = entry.stopRequested;
      endedByAgent = entry.endedByAgent;
      if (!stopRequested) {
        stopWorkload(entry); // stop() also removes the files of a VM that ended by itself
      }
    }
    if (endedByAgent != null) {
      end(entry, VmRuntimeState.FAILED, exit.exitCode(), false, endedByAgent);
    } else if (stopRequested) {
      end(entry, VmRuntimeState.STOPPED, exit.exitCode(), false, null);
    } else if (exit.outOfMemory()) {
      String reason = exit.reason() == null ? "out of memory" : exit.reason();
      end(entry, VmRuntimeState.FAILED, exit.exitCode(), true, reason);
    } else {
      end(entry, VmRuntimeState.EXITED, exit.exitCode(), false, exit.reason());
    }
  }

  private synchronized void end(
      VmEntry entry, VmRuntimeState state, Integer exitCode, boolean outOfMemory, String reason) {
    if (entry.restartWith != null && state == VmRuntimeState.STOPPED) {
      // A restart: the old workload has exited; once its files and cgroups are gone too (stop()
      // returns only then, also when called again), the VM starts again under the same id.
      vms.remove(entry.vmId, entry);
      entry.ended.complete(null);
      RunningWorkload old = entry.workload;
      executor.execute(
          () -> {
            old.stop();
            provision(entry.vmId, entry.restartWith);
          });
      return;
    }
    entry.state = state;
    entry.finalStatus = new VmStatus(entry.vmId, state, exitCode, outOfMemory, reason);
    report(entry);
    entry.ended.complete(null);
  }

  /** Sends the VM's status; once a final status is out, the VM is forgotten. */
  private void report(VmEntry entry) {
    VmStatus status = entry.status();
    CompletableFuture<Void> sent = outbox.send(status);
    if (!entry.live()) {
      sent.thenRun(() -> forget(entry));
    }
  }

  private synchronized void forget(VmEntry entry) {
    vms.remove(entry.vmId, entry);
  }

  private void stopWorkload(VmEntry entry) {
    RunningWorkload workload = entry.workload;
    if (workload != null) {
      executor.execute(workload::stop);
    }
  }

  private List<VmSpec> liveSpecs() {
    return vms.values().stream().filter(VmEntry::live).map(e -> e.spec).toList();
  }

  private static WorkloadSpec workloadSpec(VmEntry entry) {
    VmSpec spec = entry.spec;
    return new WorkloadSpec(
        entry.vmId,
        spec.vcpus(),
        spec.memoryMiB(),
        spec.diskGiB(),
        spec.command(),
        spec.env(),
        spec.outboundNetwork());
  }
}
