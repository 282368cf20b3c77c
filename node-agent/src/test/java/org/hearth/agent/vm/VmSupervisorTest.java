package org.hearth.agent.vm;

import static org.hearth.protocol.agent.VmRuntimeState.EXITED;
import static org.hearth.protocol.agent.VmRuntimeState.FAILED;
import static org.hearth.protocol.agent.VmRuntimeState.PROVISIONING;
import static org.hearth.protocol.agent.VmRuntimeState.RUNNING;
import static org.hearth.protocol.agent.VmRuntimeState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import org.hearth.agent.runtime.WorkloadExit;
import org.hearth.agent.runtime.WorkloadSpec;
import org.hearth.agent.vm.FakeRuntime.FakeWorkload;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessage.Inventory;
import org.hearth.protocol.agent.AgentMessage.VmReport;
import org.hearth.protocol.agent.AgentMessage.VmStatus;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.Test;

class VmSupervisorTest {

  private static final VmSpec SPEC =
      new VmSpec(2, 256, 1, 0, Tier.STANDARD, "sandbox", "sleep 100", Map.of("A", "1"), false);

  private final FakeRuntime runtime = new FakeRuntime();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final ManualExecutor executor = new ManualExecutor();
  private final VmSupervisor supervisor =
      new VmSupervisor(
          List.of(runtime),
          ProviderPolicy.OPEN,
          new Capacity(4 * Tier.SHARES_PER_CORE, 4096, 100, 0),
          outbox,
          executor);

  @Test
  void provisionReportsProvisioningThenRunning() {
    supervisor.provision("vm-1", SPEC);
    assertEquals(List.of(status("vm-1", PROVISIONING)), outbox.messages());

    executor.runAll();

    assertEquals(List.of(status("vm-1", PROVISIONING), status("vm-1", RUNNING)), outbox.messages());
    assertEquals(
        List.of(new WorkloadSpec("vm-1", 2, 256, 1, "sleep 100", Map.of("A", "1"), false)),
        runtime.started);
    assertEquals(1, supervisor.runningVms());
    assertTrue(supervisor.runningWorkload("vm-1").isPresent());
  }

  @Test
  void provisionIsIdempotent() {
    supervisor.provision("vm-1", SPEC);
    executor.runAll();
    outbox.clear();

    supervisor.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(List.of(status("vm-1", RUNNING)), outbox.messages());
    assertEquals(1, runtime.started.size(), "started once");
  }

  @Test
  void aStopFollowedByAProvisionRestartsTheVmOnceTheOldWorkloadIsGone() {
    FakeWorkload old = running("vm-1");
    outbox.clear();

    supervisor.stop("vm-1");
    supervisor.provision("vm-1", SPEC);
    assertEquals(List.of(), outbox.messages(), "nothing is reported while the old workload stops");

    executor.runAll(); // the old workload stops (the fake ends at once), then the new one starts

    assertEquals(2, old.stops, "stopped, then awaited until cleaned up before the new start");
    assertEquals(
        List.of(status("vm-1", PROVISIONING), status("vm-1", RUNNING)),
        outbox.messages(),
        "no STOPPED: the VM did not end, it restarted");
    assertEquals(2, runtime.started.size(), "started again");
    assertTrue(supervisor.runningWorkload("vm-1").isPresent());
  }

  @Test
  void aCommandThatEndsIsReportedExitedWithItsCodeAndCleanedUp() {
    FakeWorkload workload = running("vm-1");
    outbox.clear();

    workload.exit.complete(new WorkloadExit(3, false, false, "exited with code 3"));
    executor.runAll();

    assertEquals(
        List.of(new VmStatus("vm-1", EXITED, 3, false, "exited with code 3")), outbox.messages());
    assertEquals(1, workload.stops, "stop() removes the files of a VM that ended by itself");
    assertEquals(0, supervisor.runningVms());
    assertTrue(supervisor.runningWorkload("vm-1").isEmpty());
  }

  @Test
  void outOfMemoryIsAFailure() {
    FakeWorkload workload = running("vm-1");
    outbox.clear();

    workload.exit.complete(new WorkloadExit(137, true, false, "out of memory (limit 256 MiB)"));

    assertEquals(
        List.of(new VmStatus("vm-1", FAILED, 137, true, "out of memory (limit 256 MiB)")),
        outbox.messages());
  }

  @Test
  void stopEndsTheVmAsStoppedAndIsIdempotent() {
    FakeWorkload workload = running("vm-1");
    outbox.clear();

    supervisor.stop("vm-1");
    executor.runAll();
    supervisor.stop("vm-1");
    executor.runAll();

    assertEquals(1, workload.stops);
    assertEquals(
        List.of(new VmStatus("vm-1", STOPPED, 137, false, null), status("vm-1", STOPPED)),
        outbox.messages(),
        "a VM stopped before, or never known, is reported stopped");
  }

  @Test
  void stopDuringProvisioningStopsTheWorkloadOnceItStarts() {
    supervisor.provision("vm-1", SPEC);
    supervisor.stop("vm-1");
    executor.runAll();

    assertEquals(
        List.of(status("vm-1", PROVISIONING), new VmStatus("vm-1", STOPPED, 137, false, null)),
        outbox.messages());
  }

  @Test
  void suspendEndsTheVmAsStoppedKeepingItsFilesAndAProvisionStartsItAgain() {
    FakeWorkload workload = running("vm-1");
    outbox.clear();

    supervisor.suspend("vm-1");
    executor.runAll();
    supervisor.suspend("vm-1"); // idempotent: no longer known, reported stopped
    executor.runAll();

    assertEquals(1, workload.suspends);
    assertEquals(0, workload.stops, "its files are kept");
    assertEquals(List.of(), runtime.discarded);
    assertEquals(
        List.of(new VmStatus("vm-1", STOPPED, 137, false, null), status("vm-1", STOPPED)),
        outbox.messages());
    assertEquals(0, supervisor.runningVms());
    outbox.clear();

    supervisor.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(List.of(status("vm-1", PROVISIONING), status("vm-1", RUNNING)), outbox.messages());
    assertEquals(2, runtime.started.size(), "started again (the runtime reuses the kept files)");
    assertEquals(List.of(), runtime.discarded);
  }

  @Test
  void aStopOfASuspendedVmDeletesTheFilesItLeftThenReportsStopped() {
    FakeWorkload workload = running("vm-1");
    supervisor.suspend("vm-1");
    executor.runAll();
    outbox.clear();

    supervisor.stop("vm-1");
    assertEquals(List.of(), outbox.messages(), "not before its files are gone");
    executor.runAll();

    assertEquals(List.of("vm-1"), runtime.discarded);
    assertEquals(0, workload.stops, "the workload has let go of the files");
    assertEquals(List.of(status("vm-1", STOPPED)), outbox.messages());
  }

  @Test
  void aStopWhileTheVmIsBeingSuspendedDeletesItsFilesToo() {
    FakeWorkload workload = running("vm-1");
    outbox.clear();

    supervisor.suspend("vm-1");
    supervisor.stop("vm-1");
    executor.runAll();

    assertEquals(1, workload.suspends);
    assertEquals(List.of("vm-1"), runtime.discarded);
    assertEquals(List.of(new VmStatus("vm-1", STOPPED, 137, false, null)), outbox.messages());
  }

  @Test
  void aSuspendFollowedByAProvisionResumesTheVmOnItsKeptFiles() {
    FakeWorkload old = running("vm-1");
    outbox.clear();

    supervisor.suspend("vm-1");
    supervisor.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(1, old.suspends);
    assertEquals(0, old.stops, "a stop would delete the kept files");
    assertEquals(List.of(), runtime.discarded);
    assertEquals(List.of(status("vm-1", PROVISIONING), status("vm-1", RUNNING)), outbox.messages());
    assertEquals(2, runtime.started.size());
  }

  @Test
  void suspendDuringProvisioningSuspendsTheWorkloadOnceItStarts() {
    supervisor.provision("vm-1", SPEC);
    supervisor.suspend("vm-1");
    executor.runAll();

    FakeWorkload workload = runtime.workloads.get(0);
    assertEquals(1, workload.suspends);
    assertEquals(0, workload.stops);
    assertEquals(
        List.of(status("vm-1", PROVISIONING), new VmStatus("vm-1", STOPPED, 137, false, null)),
        outbox.messages());
  }

  @Test
  void suspendAndStopOfUnknownVmsAreHarmless() {
    FakeWorkload other = running("vm-2");
    outbox.clear();

    supervisor.suspend("vm-1");
    supervisor.stop("vm-1");
    executor.runAll();

    assertEquals(List.of(status("vm-1", STOPPED), status("vm-1", STOPPED)), outbox.messages());
    assertEquals(List.of("vm-1"), runtime.discarded, "a Stop deletes whatever files it left");
    assertEquals(0, other.stops + other.suspends);
    assertEquals(1, supervisor.runningVms());
  }

  @Test
  void aProvisionAfterAStopOfAnUnknownVmStartsOnceItsOldFilesAreGone() {
    supervisor.stop("vm-1");
    supervisor.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(List.of("vm-1"), runtime.discarded);
    assertEquals(1, runtime.started.size());
    assertEquals(
        List.of(status("vm-1", PROVISIONING), status("vm-1", STOPPED), status("vm-1", RUNNING)),
        outbox.messages());
  }

  @Test
  void aVmThePolicyRefusesFailsWithTheReasonAndNeverStarts() {
    VmSupervisor strict =
        new VmSupervisor(
            List.of(runtime),
            new ProviderPolicy(
                Set.of(Tier.GUARANTEED), Set.of("sandbox"), List.of("*"), 1, null, false),
            new Capacity(4 * Tier.SHARES_PER_CORE, 4096, 100, 0),
            outbox,
            executor);

    strict.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(
        List.of(new VmStatus("vm-1", FAILED, null, false, "tier STANDARD is not accepted")),
        outbox.messages());
    assertTrue(runtime.started.isEmpty());
  }

  @Test
  void capacityCountsTheVmsAlreadyRunning() {
    running("vm-1");
    running("vm-2");
    outbox.clear();
    VmSpec big = new VmSpec(1, 4096, 1, 0, Tier.GUARANTEED, "sandbox", "sleep 1", null, false);

    supervisor.provision("vm-3", big);

    assertEquals(
        List.of(
            new VmStatus(
                "vm-3",
                FAILED,
                null,
                false,
                "not enough memory: the node's VMs would need 4608 MiB of the 4096 it offers")),
        outbox.messages());
  }

  @Test
  void aVmThatCannotStartFails() {
    runtime.startFailure = "bubblewrap is not installed";

    supervisor.provision("vm-1", SPEC);
    executor.runAll();

    assertEquals(
        List.of(
            status("vm-1", PROVISIONING),
            new VmStatus(
                "vm-1", FAILED, null, false, "could not start: bubblewrap is not installed")),
        outbox.messages());
    assertEquals(0, supervisor.runningVms());
  }

  @Test
  void anEndingMissedWhileTheLinkWasDownIsReportedAfterTheNextInventory() {
    FakeWorkload ended = running("vm-1");
    running("vm-2");
    outbox.clear();

    outbox.linkDown(true);
    ended.exit.complete(new WorkloadExit(0, false, false, "exited with code 0"));
    outbox.linkDown(false);
    supervisor.reportInventory();
    supervisor.reportInventory();

    VmStatus exited = new VmStatus("vm-1", EXITED, 0, false, "exited with code 0");
    assertEquals(
        List.of(
            new Inventory(List.of(new VmReport("vm-1", EXITED), new VmReport("vm-2", RUNNING))),
            exited,
            new Inventory(List.of(new VmReport("vm-2", RUNNING)))),
        outbox.messages());
  }

  @Test
  void shutdownEndsEveryVmAsAFailureOfTheNode() throws Exception {
    running("vm-1");
    outbox.clear();

    Thread runner = new Thread(executor::runAllForever);
    runner.start();
    supervisor.shutdown(Duration.ofSeconds(5));
    runner.interrupt();
    runner.join();

    assertEquals(
        List.of(new VmStatus("vm-1", FAILED, 137, false, "the node agent shut down")),
        outbox.messages());
    supervisor.provision("vm-2", SPEC);
    assertEquals(
        new VmStatus("vm-2", FAILED, null, false, "the node agent is shutting down"),
        outbox.messages().get(1));
  }

  private FakeWorkload running(String vmId) {
    supervisor.provision(vmId, SPEC);
    executor.runAll();
    return runtime.workloads.get(runtime.workloads.size() - 1);
  }

  private static AgentMessage status(String vmId, VmRuntimeState state) {
    return new VmStatus(vmId, state, null, false, null);
  }

  /** Runs the supervisor's background work when the test says so. */
  static final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
      notifyAll();
    }

    void runAll() {
      for (Runnable task = next(); task != null; task = next()) {
        task.run();
      }
    }

    void runAllForever() {
      try {
        while (true) {
          Runnable task;
          synchronized (this) {
            while (tasks.isEmpty()) {
              wait();
            }
            task = tasks.poll();
          }
          task.run();
        }
      } catch (InterruptedException e) {
        // done
      }
    }

    private synchronized Runnable next() {
      return tasks.poll();
    }
  }
}
