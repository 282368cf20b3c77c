package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a VM: a root shell opens bwrap's status file, setpriv drops to the
 * sandbox's host uid, and bwrap builds the sandbox from the VM's directories and read-only host
 * system directories, then runs the VM's command as its pid 1.
 */
final class BwrapCommand {

  /** Opens fd 5 for bwrap's JSON status, see {@link BwrapStatus}. */
  private static final String OPEN_STATUS = "f=$1; shift; exec \"$@\" 5>\"$f\"";

  /** Top-level host directories with programs and libraries (symlinks into /usr on most hosts). */
  static final List<String> SYSTEM_DIRS =
      List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  private BwrapCommand() {}

  static List<String> argv(HostTools tools, SandboxLayout layout, WorkloadSpec spec)
      throws IOException {
    List<String> argv = new ArrayList<>();
    add(argv, "/bin/sh", "-c", OPEN_STATUS, "hearth-sandbox", layout.statusFile().toString());
    add(
        argv,
        tools.setpriv().toString(),
        "--reuid=" + SandboxUser.HOST_UID,
        "--regid=" + SandboxUser.HOST_GID,
        "--clear-groups",
        "--");
    add(argv, tools.bwrap().toString());
    add(argv, "--unshare-user", "--disable-userns", "--unshare-pid", "--unshare-ipc");
    add(argv, "--unshare-uts", "--unshare-cgroup");
    if (!spec.outboundNetwork()) {
      add(argv, "--unshare-net");
    }
    add(argv, "--uid", String.valueOf(SandboxUser.UID), "--gid", String.valueOf(SandboxUser.GID));
    add(argv, "--hostname", spec.vmId());
    // The command is pid 1, so `echo $$` prints 1, and it ends the VM when it exits. The VM ends
    // with the agent: the server reconciles after an agent restart.
    add(argv, "--as-pid-1", "--die-with-parent", "--new-session", "--json-status-fd", "5");
    add(argv, "--bind", layout.root().toString(), "/", "--ro-bind", "/usr", "/usr");
    for (String dir : SYSTEM_DIRS) {
      Path path = Path.of(dir);
      if (Files.exists(path)) {
        add(argv, "--ro-bind", path.toRealPath().toString(), dir);
      }
    }
    add(argv, "--ro-bind", layout.etc().toString(), "/etc");
    for (String name : layout.hostEtc()) {
      add(argv, "--ro-bind", "/etc/" + name, "/etc/" + name);
    }
    add(argv, "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/dev/shm", "--tmpfs", "/tmp");
    add(argv, "--dir", SandboxUser.HOME, "--chdir", SandboxUser.HOME, "--clearenv");
    SandboxUser.environment(spec).forEach((name, value) -> add(argv, "--setenv", name, value));
    add(argv, "--", "/bin/sh", "-c", spec.command());
    return argv;
  }

  private static void add(List<String> argv, String... args) {
    argv.addAll(List.of(args));
  }
}
