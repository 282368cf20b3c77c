package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Reads the host's process table in /proc (pids as the agent sees them). */
final class ProcTable {

  private static final Path PROC = Path.of("/proc");

  private ProcTable() {}

  /** The live (not zombie) processes of session {@code sid}, its leader included. */
  static Set<Long> session(long sid) {
    Set<Long> members = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        if (sessionOf(entry) == sid) {
          members.add(Long.parseLong(entry.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      // /proc is always there; an entry that vanished was skipped
    }
    return members;
  }

  /** Whether two processes are in the same pid namespace; false when either is gone. */
  static boolean samePidNamespace(long pid, long other) {
    String namespace = pidNamespace(pid);
    return namespace != null && namespace.equals(pidNamespace(other));
  }

  private static String pidNamespace(long pid) {
    try {
      return Objects.toString(Files.readSymbolicLink(PROC.resolve(pid + "/ns/pid")));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Field 6 of /proc/<pid>/stat, or -1 for a zombie (dead, waiting for its parent) or a process
   * that is gone. The name before it, in parentheses, may hold spaces.
   */
  private static long sessionOf(Path entry) {
    try {
      String stat = Files.readString(entry.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      boolean dead = fields[0].equals("Z") || fields[0].equals("X");
      return dead ? -1 : Long.parseLong(fields[3]); // state, ppid, pgrp, session
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
