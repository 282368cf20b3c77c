package org.hearth.agent.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hearth.agent.runtime.Cgroups;
import org.hearth.agent.runtime.SandboxRuntime;
import org.hearth.agent.runtime.WorkloadException;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessage.VmStatus;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspend, Provision and Stop as the server sends them, on real sandboxes: a suspended VM keeps its
 * disk, a Stop deletes it even when the VM no longer runs. Skipped without root, bubblewrap or
 * cgroups.
 */
class SuspendedSandboxTest {

  private static Cgroups cgroups;

  @TempDir Path dataDir;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private VmSupervisor supervisor;

  @BeforeAll
  static void requireSandbox() {
    assumeTrue("root".equals(System.getProperty("user.name")), "sandbox tests need root");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "sandbox tests need bubblewrap");
    try {
      cgroups = Cgroups.detect();
    } catch (WorkloadException e) {
      assumeTrue(false, "sandbox tests skipped: " + e.getMessage());
    }
  }

  @BeforeEach
  void startAgent() throws IOException {
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
    supervisor = agent();
  }

  /** A supervisor as the agent makes one at startup, on this data dir. */
  private VmSupervisor agent() {
    return new VmSupervisor(
        List.of(new SandboxRuntime(dataDir, cgroups, 64, Duration.ofMillis(300))),
        ProviderPolicy.OPEN,
        new Capacity(4 * Tier.SHARES_PER_CORE, 4096, 100, 0),
        outbox,
        executor);
  }

  @AfterEach
  void stopAgent() throws Exception {
    supervisor.shutdown(Duration.ofSeconds(10));
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void aSuspendedVmKeepsItsFilesAndTheNextProvisionStartsItOnThem() throws Exception {
    String vmId = vmId("resume");
    Path starts = root(vmId).resolve("home/user/starts");

    supervisor.provision(vmId, spec("echo start >> starts; exec sleep 100"));
    await(() -> has(VmRuntimeState.RUNNING, 1) && Files.exists(starts), "the first start");

    supervisor.suspend(vmId);
    await(() -> has(VmRuntimeState.STOPPED, 1), "STOPPED after the suspension");
    assertEquals(0, supervisor.runningVms());
    assertEquals("start\n", Files.readString(starts), "the file written in the VM is kept");

    supervisor.provision(vmId, spec("echo start >> starts; exec sleep 100"));
    await(() -> has(VmRuntimeState.RUNNING, 2), "the second start");
    await(() -> lines(starts) == 2, "the second start's line");
    assertEquals("start\nstart\n", Files.readString(starts));

    supervisor.stop(vmId);
    await(() -> has(VmRuntimeState.STOPPED, 2), "STOPPED after the stop");
    await(() -> !Files.exists(dataDir.resolve("vms").resolve(vmId)), "a Stop deleting the files");
  }

  @Test
  void aStopOfASuspendedVmDeletesItsFilesAlsoAfterAnAgentRestart() throws Exception {
    String kept = vmId("kept");
    String discarded = vmId("discarded");
    for (String vmId : List.of(kept, discarded)) {
      supervisor.provision(vmId, spec("echo data > data; exec sleep 100"));
    }
    await(() -> Files.exists(root(kept).resolve("home/user/data")), "the first VM's file");
    await(() -> Files.exists(root(discarded).resolve("home/user/data")), "the second VM's file");
    supervisor.suspend(kept);
    supervisor.suspend(discarded);
    await(() -> has(VmRuntimeState.STOPPED, 2), "both suspended");

    supervisor = agent(); // the agent restarts and reconnects: nothing of the VMs is wiped
    supervisor.reportInventory();
    assertTrue(Files.exists(root(kept).resolve("home/user/data")));
    assertTrue(Files.exists(root(discarded).resolve("home/user/data")));
    outbox.clear();

    supervisor.stop(discarded);
    await(() -> has(VmRuntimeState.STOPPED, 1), "STOPPED of the VM not running here");

    assertEquals(
        List.of(new VmStatus(discarded, VmRuntimeState.STOPPED, null, false, null)), sent());
    assertFalse(Files.exists(dataDir.resolve("vms").resolve(discarded)));
    assertTrue(Files.exists(root(kept).resolve("home/user/data")), "the other VM's are kept");
  }

  @Test
  void suspendAndStopOfUnknownVmsAreHarmless() throws Exception {
    String running = vmId("bystander");
    supervisor.provision(running, spec("echo data > data; exec sleep 100"));
    await(
        () ->
            has(VmRuntimeState.RUNNING, 1) && Files.exists(root(running).resolve("home/user/data")),
        "the bystander's file");
    Path outside = Files.createDirectories(dataDir.resolve("outside"));
    Files.writeString(outside.resolve("file"), "not a VM's");
    outbox.clear();

    String unknown = vmId("unknown");
    supervisor.suspend(unknown);
    supervisor.stop(unknown);
    supervisor.stop(unknown);
    supervisor.stop("../outside");
    supervisor.suspend(running + "x");
    await(() -> sent().size() == 5, "five answers");

    for (AgentMessage message : sent()) {
      assertEquals(VmRuntimeState.STOPPED, ((VmStatus) message).state(), message.toString());
    }
    assertEquals(1, supervisor.runningVms());
    assertTrue(Files.exists(root(running).resolve("home/user/data")));
    assertTrue(Files.exists(outside.resolve("file")), "an id never names a path");
    assertFalse(Files.exists(dataDir.resolve("vms").resolve(unknown)));
  }

  private static VmSpec spec(String command) {
    return new VmSpec(1, 64, 1, 0, Tier.BURSTABLE, "sandbox", command, Map.of(), false);
  }

  private static String vmId(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Path root(String vmId) {
    return dataDir.resolve("vms").resolve(vmId).resolve("root");
  }

  private List<AgentMessage> sent() {
    return outbox.messages().stream().filter(m -> m instanceof VmStatus).toList();
  }

  /** Whether at least {@code count} statuses in that state were sent. */
  private boolean has(VmRuntimeState state, int count) {
    return sent().stream().filter(m -> ((VmStatus) m).state() == state).count() >= count;
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
