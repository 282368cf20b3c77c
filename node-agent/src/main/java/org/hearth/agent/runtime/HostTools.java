package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The host programs the sandbox runtime runs, and the privileges it needs. */
record HostTools(Path bwrap, Path nsenter, Path setpriv) {

  static final List<Path> SYSTEM_DIRS =
      List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));

  /**
   * @throws WorkloadException naming what is missing and the package to install
   */
  static HostTools find() throws WorkloadException {
    if (!isRoot()) {
      throw new WorkloadException(
          "the sandbox runtime must run as root: it creates cgroups and starts each VM as uid "
              + SandboxUser.HOST_UID);
    }
    return find(SYSTEM_DIRS);
  }

  static HostTools find(List<Path> dirs) throws WorkloadException {
    return new HostTools(
        require("bwrap", "bubblewrap", dirs),
        require("nsenter", "util-linux", dirs),
        require("setpriv", "util-linux", dirs));
  }

  private static Path require(String program, String debianPackage, List<Path> dirs)
      throws WorkloadException {
    for (Path dir : dirs) {
      Path candidate = dir.resolve(program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new WorkloadException(
        program
            + " is not installed, and the sandbox runtime needs it: apt-get install "
            + debianPackage);
  }

  private static boolean isRoot() {
    try {
      // /proc/self belongs to the process's effective uid.
      return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
