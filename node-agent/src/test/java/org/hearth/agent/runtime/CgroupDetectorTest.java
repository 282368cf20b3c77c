package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupDetectorTest {

  @TempDir Path tmp;

  @Test
  void prefersV1ControllersOverAnEmptyUnifiedHierarchy() throws Exception {
    Path unified = Files.createDirectories(tmp.resolve("unified"));
    Files.writeString(unified.resolve("cgroup.controllers"), "\n");
    Cgroups cgroups =
        detect(
            "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup"
                + " rw,cpu,cpuacct",
            "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
            "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
            "41 31 0:38 / " + unified + " rw,relatime - cgroup2 cgroup2 rw");
    assertEquals("v1", cgroups.version());
  }

  @Test
  void choosesV2WhenItOffersCpuMemoryAndPids() throws Exception {
    Path mount = Files.createDirectories(tmp.resolve("with space"));
    Files.writeString(mount.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids\n");
    String escaped = mount.toString().replace(" ", "\\040");
    Cgroups cgroups =
        detect("29 23 0:26 / " + escaped + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate");
    assertEquals("v2", cgroups.version());
  }

  @Test
  void refusesWhenAControllerIsMissing() throws IOException {
    WorkloadException e =
        assertThrows(
            WorkloadException.class,
            () -> detect("35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory"));
    assertTrue(e.getMessage().contains("no usable cgroup hierarchy"), e.getMessage());
  }

  private Cgroups detect(String... lines) throws IOException, WorkloadException {
    Path mountinfo = tmp.resolve("mountinfo");
    Files.writeString(mountinfo, String.join("\n", lines) + "\n");
    return CgroupDetector.detect(mountinfo);
  }
}
