package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which host programs a VM can run. A sandbox sees the host's {@code /usr} and top-level
 * system directories read-only ({@link BwrapCommand}), so a program installed there with the host's
 * package manager (say {@code apt-get install redis-server}) is a tool every VM on the node can
 * use. Templates name the tools they need; the node reports the ones it has, and the scheduler
 * places a template's VM only where all of them are.
 */
public final class HostToolProbe {

  /**
   * What the agent always looks for: interpreters, compilers, servers and utilities templates are
   * likely to need. An operator adds others with {@code host-tools.extra}.
   */
  public static final List<String> CATALOGUE =
      List.of(
          "bash",
          "busybox",
          "perl",
          "python3",
          "pip3",
          "node",
          "npm",
          "deno",
          "ruby",
          "php",
          "lua5.4",
          "tclsh",
          "java",
          "javac",
          "jshell",
          "gcc",
          "g++",
          "cc",
          "make",
          "cmake",
          "clang",
          "rustc",
          "cargo",
          "go",
          "git",
          "curl",
          "wget",
          "socat",
          "sqlite3",
          "redis-server",
          "redis-cli",
          "psql",
          "nginx",
          "lighttpd",
          "tmux",
          "ffmpeg");

  /** The search path of a VM's processes ({@link SandboxUser#environment}). */
  static final List<Path> VM_PATH =
      List.of(
          Path.of("/usr/local/sbin"),
          Path.of("/usr/local/bin"),
          Path.of("/usr/sbin"),
          Path.of("/usr/bin"),
          Path.of("/sbin"),
          Path.of("/bin"));

  private HostToolProbe() {}

  /** The tools of the catalogue and {@code extra} that a VM on this host finds and may run. */
  public static List<String> visibleInSandbox(List<String> extra) {
    return find(union(CATALOGUE, extra), VM_PATH, visibleRoots());
  }

  /**
   * The names among {@code names} with an executable regular file in one of {@code path} whose real
   * location (after every symbolic link) lies under one of {@code visibleRoots}, in the order
   * given.
   */
  static List<String> find(List<String> names, List<Path> path, List<Path> visibleRoots) {
    List<String> found = new ArrayList<>();
    for (String name : names) {
      for (Path dir : path) {
        if (visibleExecutable(dir.resolve(name), visibleRoots)) {
          found.add(name);
          break;
        }
      }
    }
    return found;
  }

  private static boolean visibleExecutable(Path candidate, List<Path> visibleRoots) {
    if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
      return false;
    }
    try {
      Path real = candidate.toRealPath();
      return visibleRoots.stream().anyMatch(real::startsWith);
    } catch (IOException e) {
      return false;
    }
  }

  /** /usr and the real locations of the top-level system directories the sandbox binds. */
  private static List<Path> visibleRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("/usr"));
    for (String dir : BwrapCommand.SYSTEM_DIRS) {
      try {
        roots.add(Path.of(dir).toRealPath());
      } catch (IOException e) {
        // Not on this host: nothing there to see.
      }
    }
    return roots;
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
