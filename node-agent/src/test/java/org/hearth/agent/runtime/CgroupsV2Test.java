package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v2 driver against a fake cgroup tree: the files it writes and reads. */
class CgroupsV2Test {

  @TempDir Path root;
  private Path dir;
  private Cgroup cgroup;

  @BeforeEach
  void create() throws IOException {
    cgroup = new CgroupsV2(root).create("vm1", CgroupLimits.of(2, 64, 100));
    dir = root.resolve("hearth/vm1");
  }

  @Test
  void writesLimitsAndEnablesControllersForChildren() throws IOException {
    assertEquals("200000 100000", read(dir.resolve("cpu.max")));
    assertEquals(String.valueOf(64 * 1024 * 1024), read(dir.resolve("memory.max")));
    assertEquals("100", read(dir.resolve("pids.max")));
    assertEquals("+cpu +memory +pids", read(root.resolve("cgroup.subtree_control")));
    assertEquals("+cpu +memory +pids", read(root.resolve("hearth/cgroup.subtree_control")));
    assertEquals(List.of(dir.resolve("cgroup.procs")), cgroup.procsFiles());
  }

  @Test
  void writesOptionalFilesOnlyWhereTheKernelHasThem() throws IOException {
    assertFalse(Files.exists(dir.resolve("memory.swap.max")));
    assertFalse(Files.exists(dir.resolve("memory.oom.group")));
  }

  @Test
  void readsPidsAndOomKills() throws IOException {
    Files.writeString(dir.resolve("cgroup.procs"), "12\n7\n");
    assertEquals(Set.of(7L, 12L), cgroup.pids());
    Files.writeString(
        dir.resolve("memory.events"),
        "low 0\nhigh 0\nmax 9\noom 2\noom_kill 1\noom_group_kill 0\n");
    assertEquals(1, cgroup.oomKills());
  }

  @Test
  void killsThroughCgroupKillWhenPresent() throws IOException {
    Files.createFile(dir.resolve("cgroup.kill"));
    cgroup.killAll();
    assertEquals("1", read(dir.resolve("cgroup.kill")));
  }

  @Test
  void removesTheDirectory() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file); // the kernel's control files go with the directory; a fake's do not
      }
    }
    cgroup.remove();
    cgroup.remove();
    assertFalse(Files.exists(dir));
    assertTrue(cgroup.pids().isEmpty());
    assertEquals(0, cgroup.oomKills());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
