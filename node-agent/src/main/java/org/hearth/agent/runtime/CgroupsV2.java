package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** cgroup v2: one unified hierarchy; a VM's cgroup is one directory with all controllers. */
final class CgroupsV2 implements Cgroups {

  private static final String CONTROLLERS = "+cpu +memory +pids";

  private final Path root;

  /** The mount point of the unified hierarchy, usually {@code /sys/fs/cgroup}. */
  CgroupsV2(Path root) {
    this.root = root;
  }

  @Override
  public String version() {
    return "v2";
  }

  @Override
  public Cgroup create(String name, CgroupLimits limits) throws IOException {
    Path parent = root.resolve(PARENT);
    Files.createDirectories(parent);
    // A v2 cgroup only gets the controllers its parent enables for its children.
    CgroupFiles.write(root.resolve("cgroup.subtree_control"), CONTROLLERS);
    CgroupFiles.write(parent.resolve("cgroup.subtree_control"), CONTROLLERS);
    Group group = new Group(parent.resolve(name));
    CgroupFiles.createFresh(group.dir);
    CgroupFiles.write(
        group.dir.resolve("cpu.max"), limits.cpuQuotaMicros() + " " + limits.cpuPeriodMicros());
    CgroupFiles.write(group.dir.resolve("memory.max"), limits.memoryBytes());
    CgroupFiles.writeIfPresent(group.dir.resolve("memory.swap.max"), 0);
    // An OOM kill takes the whole VM down at once rather than one process of it.
    CgroupFiles.writeIfPresent(group.dir.resolve("memory.oom.group"), 1);
    CgroupFiles.write(group.dir.resolve("pids.max"), limits.pidsMax());
    return group;
  }

  private record Group(Path dir) implements Cgroup {

    @Override
    public List<Path> procsFiles() {
      return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public Set<Long> pids() throws IOException {
      return CgroupFiles.pids(dir.resolve("cgroup.procs"));
    }

    @Override
    public long oomKills() throws IOException {
      return CgroupFiles.keyedValue(dir.resolve("memory.events"), "oom_kill");
    }

    @Override
    public void killAll() throws IOException {
      Path kill = dir.resolve("cgroup.kill");
      if (Files.exists(kill)) { // Linux 5.14+: kills the whole cgroup atomically, forks included
        CgroupFiles.write(kill, 1);
      }
      Signals.killUntilGone(this::pids);
    }

    @Override
    public void remove() throws IOException {
      CgroupFiles.rmdir(dir);
    }
  }
}
