package org.hearth.agent.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a VM terminal (to be wrapped by {@link CgroupEntry}): nsenter joins the
 * namespaces of the VM's pid 1 (the user namespace included, so that uid 1000 is the VM's user) and
 * its root, and the shell gets no_new_privs like the VM's command.
 */
final class TerminalCommand {

  /** A login shell in the user's home: bash when the VM has it. */
  private static final String SHELL =
      "cd 2>/dev/null; if [ -x /bin/bash ]; then exec /bin/bash -l; fi; exec /bin/sh -l";

  private TerminalCommand() {}

  static List<String> argv(HostTools tools, WorkloadSpec spec, long initPid) {
    List<String> argv = new ArrayList<>();
    argv.addAll(List.of(tools.nsenter().toString(), "--target", String.valueOf(initPid)));
    argv.addAll(List.of("--user", "--mount", "--uts", "--ipc", "--pid", "--cgroup"));
    if (!spec.outboundNetwork()) {
      argv.add("--net");
    }
    argv.addAll(List.of("--root", "--setuid", String.valueOf(SandboxUser.UID)));
    argv.addAll(List.of("--setgid", String.valueOf(SandboxUser.GID), "--"));
    // setpriv as the VM sees it: the host's /usr is mounted at the same place inside.
    argv.addAll(List.of(tools.setpriv().toString(), "--no-new-privs", "--"));
    argv.addAll(List.of("/bin/sh", "-c", SHELL));
    return argv;
  }
}
