package org.hearth.agent.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command so that it is inside a cgroup from its first instruction: a shell writes its own
 * pid into each {@code cgroup.procs} file and then execs the command, which keeps that pid. Moving
 * an already started process instead would leave a window in which the command runs, and forks,
 * outside the cgroup.
 */
final class CgroupEntry {

  /** Exits with 125, before the command ever runs, when a cgroup cannot be entered. */
  private static final String SCRIPT =
      "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

  private CgroupEntry() {}

  static List<String> wrap(List<Path> procsFiles, List<String> command) {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "hearth-cgroup-entry"));
    procsFiles.forEach(file -> argv.add(file.toString()));
    argv.add("--");
    argv.addAll(command);
    return argv;
  }
}
