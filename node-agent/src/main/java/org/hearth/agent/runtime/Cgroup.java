package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** One VM's cgroup, in every hierarchy it spans. */
public interface Cgroup {

  /** The {@code cgroup.procs} files a process writes its pid to, to enter this cgroup. */
  List<Path> procsFiles();

  /** Host pids of the processes in it; empty once it is gone. */
  Set<Long> pids() throws IOException;

  /** How many processes the kernel's OOM killer has killed in it. */
  long oomKills() throws IOException;

  /** SIGKILLs every process in it and returns once none is left. */
  void killAll() throws IOException;

  /** Removes it; it must be empty. Idempotent. */
  void remove() throws IOException;
}
