package org.hearth.agent.vm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * PROVISIONING, RUNNING, then EXITED, STOPPED or FAILED. Provision, Stop and Suspend are
 * idempotent: a repeated request is answered with the VM's current status.
 *
 * <p>Stop ends a VM and deletes its files; Suspend ends it but keeps them, so that a later
 * Provision of the same VM id starts it on the disk it had. A Stop of a VM that does not run here
 * (a suspended one, or one an earlier run of the agent left) deletes whatever files it left.
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

  /** VMs not running here whose left files are being deleted; their Provision waits for that. */
  private final Map<String, CompletableFuture<Void>> discarding = new HashMap<>();

  private boolean shuttingDown;

  /**
   * @param offered the capacity VMs may take: the host less the policy's reserve
   * @param executor runs the blocking runtime calls (start, stop, suspend, discard)
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
    if (known != null && !known.filesKept) {
      report(known);
      return;
    }
    // A suspended VM (ended, its files kept) starts again, even before its STOPPED is out.
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
    CompletableFuture<Void> discard = discarding.get(vmId);
    if (discard == null) {
      executor.execute(() -> start(entry));
    } else {
      discard.thenRun(() -> executor.execute(() -> start(entry)));
    }
  }

  /**
   * Ends the VM and deletes its files, also those of a VM that no longer runs here (suspended, or
   * left by an earlier run of the agent); STOPPED is reported once they are gone.
   */
  public synchronized void stop(String vmId) {
    VmEntry entry = vms.get(vmId);
    if (entry == null || (!entry.live() && entry.filesKept)) {
      if (entry != null) {
        entry.filesKept = false; // a Provision after this Stop starts afresh
      }
      discard(vmId).thenRun(() -> sendStopped(vmId));
    } else if (!entry.live()) {
      report(entry);
    } else {
      entry.restartWith = null; // a Stop after a restart's Provision: the VM is not wanted
      entry.discardOnEnd = entry.suspending;
      if (!entry.stopRequested) {
        entry.stopRequested = true;
        endWorkload(entry);
      }
    }
  }

  /**
   * Ends the VM like {@link #stop} but keeps its files for a later Provision of the same id. A VM
   * that does not run here is reported STOPPED and whatever it left stays.
   */
  public synchronized void suspend(String vmId) {
    VmEntry entry = vms.get(vmId);
    if (entry == null) {
      outbox.send(new VmStatus(vmId, VmRuntimeState.STOPPED, null, false, null));
    } else if (!entry.live()) {
      report(entry);
    } else {
      entry.restartWith = null; // suspended during a restart: it is not to run again
      if (!entry.stopRequested) {
        entry.stopRequested = true;
        entry.suspending = true;
        endWorkload(entry);
      }
    }
  }

  private synchronized void sendStopped(String vmId) {
    outbox.send(new VmStatus(vmId, VmRuntimeState.STOPPED, null, false, null));
  }

  /** Deletes, in the background, what files the VM left in every runtime. */
  private synchronized CompletableFuture<Void> discard(String vmId) {
    CompletableFuture<Void> pending = discarding.get(vmId);
    if (pending != null) {
      return pending;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    discarding.put(vmId, done);
    executor.execute(
        () -> {
          for (WorkloadRuntime runtime : runtimes.values()) {
            try {
              runtime.discard(vmId);
            } catch (WorkloadException | RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "VM " + vmId + ": " + e.getMessage());
            }
          }
          synchronized (this) {
            discarding.remove(vmId, done);
          }
          done.complete(null);
        });
    return done;
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
          if (!entry.suspending) { // a VM being suspended ends as the server asked, files kept
            entry.endedByAgent = "the node agent shut down";
            entry.stopRequested = true;
            endWorkload(entry);
          }
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
        endWorkload(entry);
      } else {
        entry.state = VmRuntimeState.RUNNING;
        report(entry);
      }
    }
    workload.exit().whenComplete((exit, error) -> exited(entry, exit, error));
  }

  private void exited(VmEntry entry, WorkloadExit exit, Throwable error) {
    boolean stopRequested;
    String endedByAgent;
    synchronized (this) {
      if (entry.suspending) {
        return; // reported by suspended(), once the runtime has let go of the VM
      }
      stopRequested = entry.stopRequested;
      endedByAgent = entry.endedByAgent;
      if (error == null && !stopRequested) {
        endWorkload(entry); // stop() also removes the files of a VM that ended by itself
      }
    }
    if (error != null) {
      end(entry, VmRuntimeState.FAILED, null, false, "lost track of the workload: " + error);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "VM " + entry.vmId + " ended: " + exit);
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
      // returns only then, also when called again), the VM starts again under the same id. A
      // suspended one has let go of its id already, and starts again on the files it kept.
      vms.remove(entry.vmId, entry);
      entry.ended.complete(null);
      RunningWorkload old = entry.workload;
      boolean suspended = entry.suspending;
      VmSpec spec = entry.restartWith;
      executor.execute(
          () -> {
            if (!suspended) {
              old.stop();
            }
            provision(entry.vmId, spec);
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

  /** Stops the VM's workload, or suspends it if Suspend asked; nothing before it has started. */
  private void endWorkload(VmEntry entry) {
    RunningWorkload workload = entry.workload;
    if (workload == null) {
      return; // start() ends it once it is started
    }
    if (entry.suspending) {
      executor.execute(
          () -> {
            workload.suspend();
            workload.exit().whenComplete((exit, error) -> suspended(entry, exit));
          });
    } else {
      executor.execute(workload::stop);
    }
  }

  /**
   * The suspended workload has ended and let go of its VM id (files kept): STOPPED, after deleting
   * the files if a Stop came meanwhile.
   */
  private void suspended(VmEntry entry, WorkloadExit exit) {
    Integer exitCode = exit == null ? null : exit.exitCode();
    synchronized (this) {
      if (!entry.live()) {
        return;
      }
      if (!entry.discardOnEnd) {
        entry.filesKept = entry.restartWith == null;
        end(entry, VmRuntimeState.STOPPED, exitCode, false, null);
        return;
      }
    }
    discard(entry.vmId).thenRun(() -> end(entry, VmRuntimeState.STOPPED, exitCode, false, null));
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
