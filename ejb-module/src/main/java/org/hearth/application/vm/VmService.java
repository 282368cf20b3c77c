package org.hearth.application.vm;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.application.agent.AgentCommand;
import org.hearth.application.billing.InsufficientFundsException;
import org.hearth.application.billing.Leases;
import org.hearth.application.billing.PaymentRequiredException;
import org.hearth.application.identity.Accounts;
import org.hearth.application.identity.UnknownAccountException;
import org.hearth.application.scheduling.NoEligibleNodeException;
import org.hearth.application.scheduling.Scheduler;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.vm.IllegalVmTransitionException;
import org.hearth.domain.vm.NotVmOwnerException;
import org.hearth.domain.vm.UnknownVmException;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmMember;
import org.hearth.domain.vm.VmRepository;
import org.hearth.domain.vm.VmRequest;
import org.hearth.domain.vm.VmState;
import org.hearth.infrastructure.persistence.ReportsConcurrentChanges;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.agent.VmSpec;

/**
 * The VM lifecycle: tenants create, list, restart and delete VMs; agents report what their VMs do;
 * timers end VMs whose time ran out or whose node vanished. Every state change goes through the
 * VM's state machine, and every end gives the node its capacity back exactly once. A VM is billed
 * through its lease from the moment it is placed until it stops or is suspended.
 */
@Stateless
@ReportsConcurrentChanges
public class VmService {

  private static final System.Logger LOG = System.getLogger(VmService.class.getName());
  private static final int LIST_LIMIT = 200;

  @Inject VmRepository vms;
  @Inject NodeRepository nodes;
  @Inject Scheduler scheduler;
  @Inject VmSettings settings;
  @Inject Event<AgentCommand> agentCommands;
  @Inject Event<VmMemberRemoved> memberRemovals;
  @Inject Accounts accounts;
  @Inject Leases leases;
  @Inject Clock clock;

  /**
   * Creates a VM and places it. A VM no node can take waits for capacity when its request allows
   * ({@code waitSeconds}), else it is {@code FAILED} with the reason.
   *
   * @throws PaymentRequiredException if the tenant cannot pay its first billing period (then no VM
   *     is created)
   */
  public Vm create(String ownerAccountId, VmRequest request) {
    Vm vm = new Vm(ownerAccountId, request, clock.instant());
    vms.add(vm);
    tryToPlace(vm, true);
    return loaded(vm);
  }

  /** Tries again to place a request that waits for capacity (called by the supervision timer). */
  public void retryPlacement(String vmId) {
    vms.find(vmId)
        .filter(vm -> vm.state() == VmState.REQUESTED)
        .ifPresent(vm -> tryToPlace(vm, false));
  }

  /** {@link #retryPlacement} for several requests in one transaction. */
  public void retryPlacements(List<String> vmIds) {
    vmIds.forEach(this::retryPlacement);
  }

  /**
   * Places the VM and opens its lease. When the tenant cannot pay the first period, a request the
   * tenant waits for is refused ({@link PaymentRequiredException}), and a waiting one fails.
   */
  private void tryToPlace(Vm vm, boolean tenantWaits) {
    try {
      Node node = scheduler.place(vm);
      Optional<InsufficientFundsException> unpaid = openLease(vm, node);
      if (unpaid.isEmpty()) {
        provision(vm);
      } else if (tenantWaits) {
        throw paymentRequired(vm, unpaid.get());
      } else {
        end(vm, VmState.FAILED, "payment required: " + unpaid.get().getMessage());
      }
    } catch (NoEligibleNodeException e) {
      if (vm.mayWait(clock.instant())) {
        vm.stillWaiting(e.getMessage(), clock.instant());
      } else {
        String waited = vm.waitUntil() == null ? "" : " (waited until " + vm.waitUntil() + ")";
        vm.transition(VmState.FAILED, e.getMessage() + waited, clock.instant());
        LOG.log(System.Logger.Level.INFO, "vm {0}: not placed: {1}", vm.id(), e.getMessage());
      }
    }
  }

  /** The VMs the account owns or is a member of. */
  public List<Vm> visibleTo(String accountId) {
    return vms.visibleTo(accountId, LIST_LIMIT).stream().map(VmService::loaded).toList();
  }

  /** A VM its owner or a member looks at. */
  public Vm get(String accountId, String vmId) {
    return loaded(visible(accountId, vmId));
  }

  public List<VmMember> members(String accountId, String vmId) {
    return vms.members(visible(accountId, vmId).id());
  }

  /** The accounts that see the VM besides its owner: its members. */
  public List<String> memberIds(String vmId) {
    return vms.members(vmId).stream().map(VmMember::accountId).toList();
  }

  /** The owner shares the VM with another account (idempotent). */
  public void addMember(String ownerAccountId, String vmId, String memberAccountId) {
    Vm vm = owned(ownerAccountId, vmId);
    if (!accounts.exists(memberAccountId)) {
      throw new UnknownAccountException(memberAccountId);
    }
    if (!vm.isOwnedBy(memberAccountId)) {
      vms.addMember(vm.id(), memberAccountId, clock.instant());
    }
  }

  /** The owner stops sharing the VM with an account (idempotent). */
  public void removeMember(String ownerAccountId, String vmId, String memberAccountId) {
    vms.removeMember(owned(ownerAccountId, vmId).id(), memberAccountId);
    memberRemovals.fire(new VmMemberRemoved(vmId, memberAccountId));
  }

  /** Stops and releases a VM. Deleting a VM that already ended changes nothing. */
  public Vm delete(String ownerAccountId, String vmId) {
    Vm vm = owned(ownerAccountId, vmId);
    switch (vm.state()) {
      case REQUESTED -> vm.transition(VmState.TERMINATED, "deleted by its owner", clock.instant());
      case SUSPENDED -> discardSuspended(vm, "deleted by its owner");
      case SCHEDULED, PROVISIONING, RUNNING -> stop(vm, "deleted by its owner");
      default -> {}
    }
    return loaded(vm);
  }

  /**
   * Suspends a VM whose next billing period could not be paid: its workload stops and it gives its
   * capacity back, but its node keeps its files until it is resumed or its retention ends.
   */
  public void suspend(String vmId, String reason) {
    vms.find(vmId)
        .filter(vm -> vm.state().holdsCapacity() && vm.state() != VmState.STOPPING)
        .ifPresent(
            vm -> {
              releaseCapacity(vm);
              leases.close(vm.id());
              vm.suspend("suspended: " + reason, clock.instant());
              agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Suspend(vm.id())));
              LOG.log(System.Logger.Level.INFO, "vm {0}: suspended ({1})", vm.id(), reason);
            });
  }

  /**
   * Resumes a suspended VM on the node that kept it, once the tenant can pay its first period.
   *
   * @throws PaymentRequiredException if the balance still cannot pay it
   * @throws org.hearth.application.scheduling.TargetNodeRefusedException if its node has no room
   */
  public Vm resume(String ownerAccountId, String vmId) {
    Vm vm = owned(ownerAccountId, vmId);
    if (vm.state() != VmState.SUSPENDED) {
      throw new IllegalVmTransitionException(vm.id(), vm.state(), VmState.REQUESTED);
    }
    vm.requestResume("resume requested by its owner", clock.instant());
    Node node = scheduler.place(vm);
    Optional<InsufficientFundsException> unpaid = openLease(vm, node);
    if (unpaid.isPresent()) {
      throw paymentRequired(vm, unpaid.get());
    }
    provision(vm);
    return loaded(vm);
  }

  /** Ends a VM suspended for longer than its retention (called by the supervision timer). */
  public void discardSuspendedSince(String vmId, Instant cutoff) {
    vms.find(vmId)
        .filter(vm -> vm.state() == VmState.SUSPENDED && !vm.suspendedAt().isAfter(cutoff))
        .ifPresent(
            vm -> discardSuspended(vm, "suspended since " + vm.suspendedAt() + ", not resumed"));
  }

  private void discardSuspended(Vm vm, String cause) {
    vm.transition(VmState.TERMINATED, cause, clock.instant());
    agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Stop(vm.id())));
  }

  private Optional<InsufficientFundsException> openLease(Vm vm, Node node) {
    vms.flush(); // the lease row, written with plain SQL, refers to the VM's row
    return leases.open(
        vm.id(), vm.ownerAccountId(), node.id(), node.operatorAccountId(), vm.pricePerHour());
  }

  private static PaymentRequiredException paymentRequired(
      Vm vm, InsufficientFundsException unpaid) {
    return new PaymentRequiredException(
        "the balance cannot pay the first billing period of "
            + vm.pricePerHour().amount()
            + " per hour on node "
            + vm.nodeId()
            + " ("
            + unpaid.getMessage()
            + "); top up and try again");
  }

  /**
   * Restarts a running VM's workload on the same node, on the files it has: its workload is
   * suspended (which keeps them) and provisioned again, as a machine reboots on its disk.
   */
  public Vm restart(String ownerAccountId, String vmId) {
    Vm vm = owned(ownerAccountId, vmId);
    requireRunning(vm);
    vm.transition(VmState.PROVISIONING, "restart requested by its owner", clock.instant());
    agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Suspend(vm.id())));
    provision(vm);
    return loaded(vm);
  }

  /** A running VM its owner or a member opens a terminal in. */
  public Vm forTerminal(String accountId, String vmId) {
    return requireRunning(visible(accountId, vmId));
  }

  /** Whether the account may (still) use a terminal of the VM. */
  public boolean mayOpenTerminal(String accountId, String vmId) {
    return vms.find(vmId)
        .filter(vm -> vm.isOwnedBy(accountId) || vms.isMember(vmId, accountId))
        .isPresent();
  }

  private static Vm requireRunning(Vm vm) {
    if (vm.state() != VmState.RUNNING) {
      throw new VmNotRunningException(vm.id(), vm.state());
    }
    return vm;
  }

  /** A node's agent reports a state change of one of its VMs. */
  public void onAgentStatus(String nodeId, AgentMessage.VmStatus status) {
    Optional<Vm> found = vms.find(status.vmId()).filter(vm -> nodeId.equals(vm.nodeId()));
    if (found.isEmpty()) {
      agentCommands.fire(new AgentCommand(nodeId, new AgentMessage.Stop(status.vmId())));
      return;
    }
    Vm vm = found.get();
    vm.recordExitCode(status.exitCode() != null ? status.exitCode() : vm.exitCode());
    apply(vm, status.state(), describe(status));
  }

  /**
   * A node's agent (re)connected and listed the VMs it runs. VMs it should run but does not are
   * provisioned again if they never ran, or failed if they did (the agent restarted: its workloads
   * ended with it); VMs it runs that should not run are stopped.
   */
  public void reconcile(String nodeId, List<AgentMessage.VmReport> reports) {
    Map<String, VmRuntimeState> reported = new HashMap<>();
    reports.forEach(r -> reported.put(r.vmId(), r.state()));
    for (Vm vm : vms.liveOnNode(nodeId)) {
      VmRuntimeState state = reported.remove(vm.id());
      if (state != null) {
        apply(vm, state, "reported by the node's agent after it connected");
      } else if (vm.state() == VmState.SCHEDULED || vm.state() == VmState.PROVISIONING) {
        provision(vm);
      } else if (vm.state() == VmState.STOPPING) {
        end(vm, VmState.TERMINATED, "stopped: no longer running on its node");
      } else {
        end(vm, VmState.FAILED, "the node's agent restarted and no longer runs it");
      }
    }
    // A VM suspended while its agent was away is suspended now, keeping its files; others stop.
    reported
        .keySet()
        .forEach(
            vmId -> {
              boolean suspended =
                  vms.find(vmId).filter(vm -> vm.state() == VmState.SUSPENDED).isPresent();
              agentCommands.fire(
                  new AgentCommand(
                      nodeId,
                      suspended ? new AgentMessage.Suspend(vmId) : new AgentMessage.Stop(vmId)));
            });
  }

  /** Stops a running VM whose duration ran out (called by the supervision timer). */
  public void expire(String vmId) {
    vms.find(vmId)
        .filter(vm -> vm.state() == VmState.RUNNING)
        .ifPresent(vm -> stop(vm, "its duration of " + vm.durationMinutes() + " minutes ran out"));
  }

  /** Marks a live VM on a long-silent node {@code LOST} (called by the supervision timer). */
  public void markLost(String vmId) {
    vms.find(vmId)
        .filter(vm -> vm.state().holdsCapacity())
        .ifPresent(
            vm ->
                end(
                    vm,
                    VmState.LOST,
                    "its node has been offline for more than " + settings.lostAfter()));
  }

  private void apply(Vm vm, VmRuntimeState state, String cause) {
    VmState now = vm.state();
    if (now == VmState.SUSPENDED) {
      // Its workload was told to stop, keeping its files; a report of it running repeats that.
      if (state == VmRuntimeState.RUNNING) {
        agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Suspend(vm.id())));
      }
      return;
    }
    switch (state) {
      case PROVISIONING -> {
        if (now == VmState.SCHEDULED) {
          vm.transition(VmState.PROVISIONING, cause, clock.instant());
        }
      }
      case RUNNING -> {
        if (now == VmState.SCHEDULED || now == VmState.PROVISIONING) {
          markRunning(vm, cause);
        } else if (now == VmState.STOPPING || now.isFinal()) {
          agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Stop(vm.id())));
        }
      }
      case EXITED -> {
        if (!now.isFinal()) {
          boolean clean = vm.exitCode() == null || vm.exitCode() == 0 || now == VmState.STOPPING;
          end(vm, clean ? VmState.TERMINATED : VmState.FAILED, cause);
        }
      }
      case STOPPED -> {
        // A restart stops the old workload while the VM is PROVISIONING again: not an end.
        if (now == VmState.STOPPING) {
          end(vm, VmState.TERMINATED, "stopped");
        } else if (now == VmState.RUNNING) {
          end(vm, VmState.FAILED, "stopped by its node");
        }
      }
      case FAILED -> {
        if (!now.isFinal()) {
          end(vm, VmState.FAILED, cause);
        }
      }
    }
  }

  private void markRunning(Vm vm, String cause) {
    if (vm.startedAt() == null) {
      nodes.lock(vm.nodeId()).ifPresent(Node::countHostedVm);
    }
    vm.transition(VmState.RUNNING, cause, clock.instant());
  }

  private void stop(Vm vm, String cause) {
    leases.close(vm.id());
    vm.transition(VmState.STOPPING, cause, clock.instant());
    agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Stop(vm.id())));
  }

  /**
   * Ends a VM; a VM that held capacity gives it back to its node, and its lease closes, in the same
   * transaction.
   */
  private void end(Vm vm, VmState to, String cause) {
    Optional<Node> node = releaseCapacity(vm);
    if (to == VmState.TERMINATED && vm.startedAt() != null) {
      node.ifPresent(Node::countCompletion);
    }
    leases.close(vm.id());
    vm.transition(to, cause, clock.instant());
    LOG.log(System.Logger.Level.INFO, "vm {0}: {1} ({2})", vm.id(), to, cause);
  }

  /** Gives the node back the capacity the VM holds, if it holds any; returns the locked node. */
  private Optional<Node> releaseCapacity(Vm vm) {
    if (!vm.state().holdsCapacity() || vm.nodeId() == null) {
      return Optional.empty();
    }
    Optional<Node> node = nodes.lock(vm.nodeId());
    node.ifPresent(n -> scheduler.release(n, vm.demand()));
    return node;
  }

  private void provision(Vm vm) {
    VmSpec spec =
        new VmSpec(
            vm.vcpus(),
            vm.memoryMib(),
            vm.diskGib(),
            vm.gpus(),
            vm.tier(),
            vm.runtime(),
            vm.command(),
            vm.env(),
            vm.outboundNetwork());
    agentCommands.fire(new AgentCommand(vm.nodeId(), new AgentMessage.Provision(vm.id(), spec)));
  }

  /** The VM if the account owns it; a member gets 403, anyone else is told nothing of it. */
  private Vm owned(String accountId, String vmId) {
    Vm vm = visible(accountId, vmId);
    if (!vm.isOwnedBy(accountId)) {
      throw new NotVmOwnerException(vmId);
    }
    return vm;
  }

  private Vm visible(String accountId, String vmId) {
    return vms.find(vmId)
        .filter(vm -> vm.isOwnedBy(accountId) || vms.isMember(vmId, accountId))
        .orElseThrow(() -> new UnknownVmException(vmId));
  }

  private static String describe(AgentMessage.VmStatus status) {
    if (status.outOfMemory()
        && (status.reason() == null || !status.reason().contains("out of memory"))) {
      return "out of memory" + (status.reason() == null ? "" : ": " + status.reason());
    }
    if (status.reason() != null) {
      return status.reason();
    }
    return status.exitCode() == null
        ? "reported " + status.state()
        : "exited with code " + status.exitCode();
  }

  /** Touches the lazy history so the VM can be shown after the transaction. */
  private static Vm loaded(Vm vm) {
    vm.history();
    return vm;
  }
}
