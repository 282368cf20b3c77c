package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helpers for tests that run real sandboxes. */
final class Sandboxes {

  private Sandboxes() {}

  /** Skips the calling tests unless this machine can run sandboxes (root, bwrap, cgroups). */
  static Cgroups requireSandbox() {
    try {
      HostTools.find();
      return Cgroups.detect();
    } catch (WorkloadException e) {
      assumeTrue(false, "sandbox tests skipped: " + e.getMessage());
      throw new AssertionError(e);
    }
  }

  /**
   * Makes a JUnit temp dir (private to root) searchable, so that bwrap, running as the sandbox uid,
   * reaches the VM directories in it.
   */
  static Path searchable(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    return dir;
  }

  /** A VM id of its own: the cgroup hierarchy is shared with everything else on the machine. */
  static String vmId(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String console(Path dataDir, String vmId) throws IOException {
    return Files.readString(dataDir.resolve("vms").resolve(vmId).resolve("console.log"));
  }

  static WorkloadExit awaitExit(RunningWorkload workload) throws Exception {
    return workload.exit().get(20, TimeUnit.SECONDS);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static boolean consoleContains(Path dataDir, String vmId, String text) {
    try {
      return console(dataDir, vmId).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** The VM's cgroup directories that exist, under every cgroup mount of this machine. */
  static List<Path> cgroupDirs(String vmId) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String[] halves = line.split(" - ", 2);
      if (halves.length == 2 && halves[1].startsWith("cgroup")) {
        Path dir = Path.of(halves[0].split(" ")[4], Cgroups.PARENT, vmId);
        if (Files.isDirectory(dir)) {
          dirs.add(dir);
        }
      }
    }
    return dirs;
  }

  /** The cgroup directory of the VM that has {@code file}. */
  static Path cgroupFile(String vmId, String file) throws IOException {
    for (Path dir : cgroupDirs(vmId)) {
      if (Files.exists(dir.resolve(file))) {
        return dir.resolve(file);
      }
    }
    throw new AssertionError("no cgroup of " + vmId + " has " + file);
  }

  static Set<Long> pids(String vmId) throws IOException {
    Set<Long> pids = new HashSet<>();
    for (Path dir : cgroupDirs(vmId)) {
      pids.addAll(CgroupFiles.pids(dir.resolve("cgroup.procs")));
    }
    return pids;
  }
}
