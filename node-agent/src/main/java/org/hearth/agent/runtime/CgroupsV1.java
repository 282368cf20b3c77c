package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * cgroup v1: the cpu, memory and pids controllers each have their own hierarchy, so a VM's cgroup
 * is one directory in each.
 */
final class CgroupsV1 implements Cgroups {

  private final Path cpuRoot;
  private final Path memoryRoot;
  private final Path pidsRoot;

  /** The mount points of the three hierarchies (cpu may be co-mounted with cpuacct). */
  CgroupsV1(Path cpuRoot, Path memoryRoot, Path pidsRoot) {
    this.cpuRoot = cpuRoot;
    this.memoryRoot = memoryRoot;
    this.pidsRoot = pidsRoot;
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public Cgroup create(String name, CgroupLimits limits) throws IOException {
    Group group =
        new Group(
            cpuRoot.resolve(PARENT).resolve(name),
            memoryRoot.resolve(PARENT).resolve(name),
            pidsRoot.resolve(PARENT).resolve(name));
    for (Path dir : group.dirs()) {
      CgroupFiles.createFresh(dir);
    }
    CgroupFiles.write(group.cpuDir.resolve("cpu.cfs_period_us"), limits.cpuPeriodMicros());
    CgroupFiles.write(group.cpuDir.resolve("cpu.cfs_quota_us"), limits.cpuQuotaMicros());
    CgroupFiles.write(group.memoryDir.resolve("memory.limit_in_bytes"), limits.memoryBytes());
    // Only with swap accounting; must follow memory.limit_in_bytes, which it may not undercut.
    CgroupFiles.writeIfPresent(
        group.memoryDir.resolve("memory.memsw.limit_in_bytes"), limits.memoryBytes());
    CgroupFiles.write(group.pidsDir.resolve("pids.max"), limits.pidsMax());
    return group;
  }

  private record Group(Path cpuDir, Path memoryDir, Path pidsDir) implements Cgroup {

    List<Path> dirs() {
      return List.of(cpuDir, memoryDir, pidsDir);
    }

    @Override
    public List<Path> procsFiles() {
      return dirs().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    @Override
    public Set<Long> pids() throws IOException {
      Set<Long> all = new TreeSet<>();
      for (Path file : procsFiles()) {
        all.addAll(CgroupFiles.pids(file));
      }
      return all;
    }

    @Override
    public long oomKills() throws IOException {
      // memory.oom_control: "oom_kill_disable 0", "under_oom 0", "oom_kill <count>" (Linux 4.13+).
      return CgroupFiles.keyedValue(memoryDir.resolve("memory.oom_control"), "oom_kill");
    }

    @Override
    public void killAll() throws IOException {
      Signals.killUntilGone(this::pids);
    }

    @Override
    public void remove() throws IOException {
      for (Path dir : dirs()) {
        CgroupFiles.rmdir(dir);
      }
    }
  }
}
