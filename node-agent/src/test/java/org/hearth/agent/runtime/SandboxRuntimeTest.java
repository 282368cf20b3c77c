package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sandboxes on this machine; skipped without root, bubblewrap or cgroups. */
class SandboxRuntimeTest {

  private static final int PIDS_LIMIT = 64;

  private static Cgroups cgroups;

  @TempDir Path dataDir;
  private SandboxRuntime runtime;
  private final List<RunningWorkload> started = new ArrayList<>();

  @BeforeAll
  static void requireSandbox() {
    cgroups = Sandboxes.requireSandbox();
  }

  @BeforeEach
  void createRuntime() throws IOException {
    runtime =
        new SandboxRuntime(
            Sandboxes.searchable(dataDir), cgroups, PIDS_LIMIT, Duration.ofMillis(300));
  }

  @AfterEach
  void stopAll() {
    started.forEach(RunningWorkload::stop);
  }

  private RunningWorkload start(String vmId, String command, long memoryMiB, boolean network)
      throws WorkloadException {
    RunningWorkload workload =
        runtime.start(
            new WorkloadSpec(vmId, 2, memoryMiB, 1, command, Map.of("GREETING", "hi"), network));
    started.add(workload);
    return workload;
  }

  @Test
  void runsTheCommandIsolatedInItsOwnRoot() throws Exception {
    String vmId = Sandboxes.vmId("iso");
    RunningWorkload vm =
        start(
            vmId,
            "echo pid=$$; echo host=$(hostname); echo user=$(id -un):$(id -u); echo $GREETING;"
                + " echo procs=$(ls /proc | grep -c '^[0-9]'); ls -d /root /work 2>&1;"
                + " cat /proc/net/dev; echo kept > /home/user/note;"
                + " echo cgroups=$(cut -d: -f3 /proc/self/cgroup | sort -u)",
            64,
            false);

    assertEquals(WorkloadExit.exited(0), Sandboxes.awaitExit(vm));
    String console = Sandboxes.console(dataDir, vmId);
    assertTrue(console.contains("pid=1\n"), console);
    assertTrue(console.contains("host=" + vmId + "\n"), console);
    assertTrue(console.contains("user=user:1000\n"), console);
    assertTrue(console.contains("hi\n"), console);
    int procs = Integer.parseInt(console.replaceAll("(?s).*procs=(\\d+).*", "$1"));
    assertTrue(procs < 10, "the VM sees only its own few processes: " + console);
    assertTrue(console.contains("'/root': No such file or directory"), console);
    assertTrue(console.contains("'/work': No such file or directory"), console);
    assertEquals(Set.of("lo"), interfaces(console), console);
    // The root of the VM's cgroup namespace is the cgroup bwrap was in when it unshared it.
    assertTrue(console.contains("cgroups=/\n"), "in its cgroups from the start: " + console);
    assertEquals(
        "kept\n",
        Files.readString(dataDir.resolve("vms/" + vmId + "/root/home/user/note")),
        "writes land in the VM's private root");
    Path vmDir = dataDir.resolve("vms/" + vmId);
    assertEquals("rwx------", permissions(vmDir.resolve("root")), "no other host user reads it");
    assertEquals("rwxr-xr-x", permissions(vmDir.resolve("etc")));
    assertEquals("rw-r--r--", permissions(vmDir.resolve("etc/passwd")));
    assertFalse(vm.isAlive());
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void sharesTheHostNetworkOnlyWhenAllowed() throws Exception {
    String vmId = Sandboxes.vmId("net");
    RunningWorkload vm = start(vmId, "cat /proc/net/dev", 64, true);

    Sandboxes.awaitExit(vm);
    assertEquals(
        interfaces(Files.readString(Path.of("/proc/net/dev"))),
        interfaces(Sandboxes.console(dataDir, vmId)));
  }

  @Test
  void theHostsJavaRunsInAVm() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/java")), "no java in /usr/bin");
    String vmId = Sandboxes.vmId("java");
    // Debian's JDK links its configuration into /etc/java-*-openjdk, which the VM must see.
    RunningWorkload vm = start(vmId, "java -Xmx32m -XX:+UseSerialGC -version 2>&1", 256, false);

    assertEquals(WorkloadExit.exited(0), Sandboxes.awaitExit(vm), Sandboxes.console(dataDir, vmId));
  }

  @Test
  void reportsTheExitCode() throws Exception {
    RunningWorkload vm = start(Sandboxes.vmId("exit"), "exit 3", 64, false);

    assertEquals(new WorkloadExit(3, false, false, "exited with code 3"), Sandboxes.awaitExit(vm));
  }

  @Test
  void killsAVmOverItsMemoryLimit() throws Exception {
    // tail holds a 200 MiB line; the OOM killer kills it, and the runtime then the whole VM.
    RunningWorkload vm =
        start(Sandboxes.vmId("oom"), "head -c 200M /dev/zero | tail; exec sleep 30", 32, false);

    WorkloadExit exit = Sandboxes.awaitExit(vm);
    assertTrue(exit.outOfMemory(), exit.toString());
    assertEquals("out of memory (limit 32 MiB)", exit.reason());
  }

  @Test
  void writesCpuMemoryAndPidsLimits() throws Exception {
    String vmId = Sandboxes.vmId("limits");
    start(vmId, "exec sleep 30", 48, false);

    if (cgroups.version().equals("v1")) {
      assertEquals("200000", read(Sandboxes.cgroupFile(vmId, "cpu.cfs_quota_us")));
      assertEquals("100000", read(Sandboxes.cgroupFile(vmId, "cpu.cfs_period_us")));
      assertEquals(
          String.valueOf(48 << 20), read(Sandboxes.cgroupFile(vmId, "memory.limit_in_bytes")));
    } else {
      assertEquals("200000 100000", read(Sandboxes.cgroupFile(vmId, "cpu.max")));
      assertEquals(String.valueOf(48 << 20), read(Sandboxes.cgroupFile(vmId, "memory.max")));
    }
    assertEquals(String.valueOf(PIDS_LIMIT), read(Sandboxes.cgroupFile(vmId, "pids.max")));
  }

  @Test
  void aForkBombHitsThePidsLimitAndTheVmStaysStoppable() throws Exception {
    String vmId = Sandboxes.vmId("forks");
    RunningWorkload vm =
        start(
            vmId,
            "(for i in $(seq 500); do sleep 30 & done) 2>/dev/null; echo survived; exec sleep 30",
            64,
            false);

    Sandboxes.await(() -> Sandboxes.consoleContains(dataDir, vmId, "survived"), "the fork loop");
    int pids = Sandboxes.pids(vmId).size();
    assertTrue(pids > PIDS_LIMIT - 8 && pids <= PIDS_LIMIT, pids + " processes");

    long stopStart = System.nanoTime();
    vm.stop();
    assertTrue(Duration.ofNanos(System.nanoTime() - stopStart).toSeconds() < 5, "stop is quick");
    assertTrue(Sandboxes.awaitExit(vm).stopped());
    assertEquals(List.of(), Sandboxes.cgroupDirs(vmId));
  }

  @Test
  void stopKillsTheWholeTreeAndRemovesTheVmsFilesAndCgroups() throws Exception {
    String vmId = Sandboxes.vmId("stop");
    RunningWorkload vm =
        start(
            vmId,
            "sleep 100 & (sleep 100 &); setsid sleep 100 & echo ready; exec sleep 100",
            64,
            false);
    Sandboxes.await(() -> Sandboxes.consoleContains(dataDir, vmId, "ready"), "the children");
    Set<Long> pids = Sandboxes.pids(vmId);
    assertTrue(pids.size() >= 5, "bwrap, pid 1 and three sleeps: " + pids);

    vm.stop();

    assertEquals(new WorkloadExit(137, false, true, "stopped"), Sandboxes.awaitExit(vm));
    assertFalse(vm.isAlive());
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    }
    assertEquals(List.of(), Sandboxes.cgroupDirs(vmId));
    assertFalse(Files.exists(dataDir.resolve("vms").resolve(vmId)));
    vm.stop(); // idempotent
  }

  @Test
  void keepsTheRootAcrossAgentRestartsUntilStopped() throws Exception {
    String vmId = Sandboxes.vmId("keep");
    Sandboxes.awaitExit(start(vmId, "echo kept > /home/user/note", 64, false));

    SandboxRuntime restarted = new SandboxRuntime(dataDir, cgroups, PIDS_LIMIT);
    RunningWorkload again =
        restarted.start(new WorkloadSpec(vmId, 1, 64, 1, "cat note", Map.of(), false));
    started.add(again);

    assertEquals(0, Sandboxes.awaitExit(again).exitCode());
    assertTrue(Sandboxes.console(dataDir, vmId).contains("kept"));
    again.stop();
    assertFalse(Files.exists(dataDir.resolve("vms").resolve(vmId)));
  }

  @Test
  void suspendEndsTheVmButKeepsItsRootForTheNextStart() throws Exception {
    String vmId = Sandboxes.vmId("suspend");
    Path starts = dataDir.resolve("vms/" + vmId + "/root/home/user/starts");
    RunningWorkload vm = start(vmId, "echo start >> starts; exec sleep 100", 64, false);
    Sandboxes.await(() -> Files.exists(starts), "the first start's note");
    Set<Long> pids = Sandboxes.pids(vmId);

    vm.suspend();

    assertEquals(new WorkloadExit(137, false, true, "suspended"), Sandboxes.awaitExit(vm));
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    }
    assertEquals(List.of(), Sandboxes.cgroupDirs(vmId));
    assertEquals("start\n", Files.readString(starts), "the root is kept");
    vm.suspend(); // idempotent
    vm.stop(); // the kept files are no longer this workload's
    assertTrue(Files.exists(starts));

    RunningWorkload again = start(vmId, "echo start >> starts; cat starts", 64, false);

    assertEquals(0, Sandboxes.awaitExit(again).exitCode());
    assertEquals("start\nstart\n", Files.readString(starts));
    assertTrue(Sandboxes.console(dataDir, vmId).contains("start\nstart\n"));
  }

  @Test
  void discardDeletesWhatAVmThatIsNotRunningLeftWithoutFollowingLinks(@TempDir Path host)
      throws Exception {
    Path hostFile = Files.writeString(host.resolve("precious"), "host data");
    String vmId = Sandboxes.vmId("discard");
    RunningWorkload vm =
        start(
            vmId,
            "ln -s " + host + " dir; ln -s " + hostFile + " file; echo ready; exec sleep 100",
            64,
            false);
    Sandboxes.await(() -> Sandboxes.consoleContains(dataDir, vmId, "ready"), "the links");

    WorkloadException running = assertThrows(WorkloadException.class, () -> runtime.discard(vmId));
    assertTrue(running.getMessage().contains("stop it"), running.getMessage());
    vm.suspend();
    runtime.discard(vmId);

    assertFalse(Files.exists(dataDir.resolve("vms").resolve(vmId)));
    assertEquals("host data", Files.readString(hostFile), "links were not followed");
    runtime.discard(vmId); // idempotent
    runtime.discard(Sandboxes.vmId("never-started"));
    assertThrows(IllegalArgumentException.class, () -> runtime.discard("../" + host.getFileName()));
    assertTrue(Files.exists(hostFile));
  }

  @Test
  void refusesASecondStartOfAVmThatIsNotStopped() throws Exception {
    String vmId = Sandboxes.vmId("twice");
    start(vmId, "exec sleep 30", 64, false);

    WorkloadException e =
        assertThrows(WorkloadException.class, () -> start(vmId, "true", 64, false));
    assertTrue(e.getMessage().contains("not stopped"), e.getMessage());
  }

  @Test
  void refusesADataDirTheSandboxUserCannotReach(@TempDir Path privateDir) {
    SandboxRuntime unreachable = new SandboxRuntime(privateDir, cgroups);
    WorkloadSpec spec = new WorkloadSpec(Sandboxes.vmId("private"), 1, 64, 1, "true", null, false);

    WorkloadException e = assertThrows(WorkloadException.class, () -> unreachable.start(spec));
    assertTrue(e.getMessage().contains("make " + privateDir + " searchable"), e.getMessage());
  }

  /** Interface names in /proc/net/dev output. */
  private static Set<String> interfaces(String procNetDev) {
    return Arrays.stream(procNetDev.split("\n"))
        .filter(line -> line.matches("\\s*[\\w.-]+:\\s+\\d.*"))
        .map(line -> line.strip().split(":")[0])
        .collect(Collectors.toSet());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
