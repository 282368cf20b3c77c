package org.hearth.agent.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.agent.runtime.RunningWorkload;
import org.hearth.agent.runtime.Terminal;
import org.hearth.agent.runtime.WorkloadException;
import org.hearth.agent.runtime.WorkloadExit;
import org.hearth.agent.runtime.WorkloadRuntime;
import org.hearth.agent.runtime.WorkloadSpec;

/** A runtime whose workloads end when the test says so. */
final class FakeRuntime implements WorkloadRuntime {
  final List<WorkloadSpec> started = new ArrayList<>();
  final List<FakeWorkload> workloads = new ArrayList<>();
  final List<String> discarded = new CopyOnWriteArrayList<>();
  String startFailure;

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public synchronized RunningWorkload start(WorkloadSpec spec) throws WorkloadException {
    if (startFailure != null) {
      throw new WorkloadException(startFailure);
    }
    started.add(spec);
    FakeWorkload workload = new FakeWorkload(spec.vmId());
    workloads.add(workload);
    return workload;
  }

  @Override
  public void discard(String vmId) {
    discarded.add(vmId);
  }

  static final class FakeWorkload implements RunningWorkload {
    final String vmId;
    final CompletableFuture<WorkloadExit> exit = new CompletableFuture<>();
    final List<FakeTerminal> terminals = new CopyOnWriteArrayList<>();
    volatile int stops;
    volatile int suspends;
    String terminalFailure;

    FakeWorkload(String vmId) {
      this.vmId = vmId;
    }

    @Override
    public String vmId() {
      return vmId;
    }

    @Override
    public boolean isAlive() {
      return !exit.isDone();
    }

    @Override
    public CompletableFuture<WorkloadExit> exit() {
      return exit;
    }

    @Override
    public void stop() {
      stops++;
      exit.complete(new WorkloadExit(137, false, true, "stopped"));
    }

    @Override
    public void suspend() {
      suspends++;
      exit.complete(new WorkloadExit(137, false, true, "suspended"));
    }

    @Override
    public synchronized Terminal openTerminal(int cols, int rows) throws WorkloadException {
      if (terminalFailure != null) {
        throw new WorkloadException(terminalFailure);
      }
      FakeTerminal terminal = new FakeTerminal(cols, rows);
      terminals.add(terminal);
      return terminal;
    }
  }
}
