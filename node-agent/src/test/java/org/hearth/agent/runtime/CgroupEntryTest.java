package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's real cgroup driver and the entry wrapper; skipped without root or cgroups. */
class CgroupEntryTest {

  private static Cgroups cgroups;

  @TempDir Path tmp;
  private String name;
  private Cgroup cgroup;

  @BeforeAll
  static void requireCgroups() {
    cgroups = Sandboxes.requireSandbox();
  }

  @BeforeEach
  void create() throws IOException {
    name = Sandboxes.vmId("entry");
    cgroup = cgroups.create(name, CgroupLimits.of(1, 32, 16));
  }

  @AfterEach
  void remove() throws IOException {
    cgroup.killAll();
    cgroup.remove();
  }

  @Test
  void theCommandRunsInTheCgroupFromItsFirstInstruction() throws Exception {
    Process process =
        new ProcessBuilder(
                CgroupEntry.wrap(cgroup.procsFiles(), List.of("cat", "/proc/self/cgroup")))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());

    assertEquals(0, process.waitFor(), output);
    for (String controller : List.of("cpu", "memory", "pids")) {
      String expected = cgroups.version().equals("v2") ? "0::" : controller;
      assertTrue(
          output.lines().anyMatch(l -> l.contains(expected) && l.endsWith("/hearth/" + name)),
          controller + " in " + output);
    }
  }

  @Test
  void theCommandNeverRunsWhenACgroupCannotBeEntered() throws Exception {
    Path marker = tmp.resolve("ran");
    Process process =
        new ProcessBuilder(
                CgroupEntry.wrap(
                    List.of(tmp.resolve("missing/cgroup.procs")),
                    List.of("touch", marker.toString())))
            .redirectErrorStream(true)
            .start();

    assertEquals(125, process.waitFor());
    assertFalse(Files.exists(marker));
  }

  @Test
  void killsEveryProcessAndRemovesTheCgroup() throws Exception {
    new ProcessBuilder(
            CgroupEntry.wrap(cgroup.procsFiles(), List.of("sh", "-c", "sleep 60 & exec sleep 60")))
        .start();
    Sandboxes.await(() -> pidCount() == 2, "two sleeps in the cgroup");

    cgroup.killAll();
    cgroup.remove();

    assertEquals(List.of(), Sandboxes.cgroupDirs(name));
    assertEquals(0, cgroup.oomKills());
  }

  private int pidCount() {
    try {
      return cgroup.pids().size();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
