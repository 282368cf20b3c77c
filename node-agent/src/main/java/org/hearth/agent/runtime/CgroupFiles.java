package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes cgroup control files. */
final class CgroupFiles {

  private CgroupFiles() {}

  static void write(Path file, Object value) throws IOException {
    try {
      Files.writeString(file, value.toString());
    } catch (IOException e) {
      throw new IOException("cannot write " + value + " to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes only when the kernel offers the file (it depends on version and configuration). */
  static void writeIfPresent(Path file, Object value) throws IOException {
    if (Files.exists(file)) {
      write(file, value);
    }
  }

  /** The pids listed in a {@code cgroup.procs} file; none when the cgroup is gone. */
  static Set<Long> pids(Path procsFile) throws IOException {
    Set<Long> pids = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(procsFile)) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    } catch (NoSuchFileException e) {
      // removed
    }
    return pids;
  }

  /**
   * The value of {@code key} in a flat keyed file such as {@code memory.events} ("key value"
   * lines), 0 when absent.
   */
  static long keyedValue(Path file, String key) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        return Long.parseLong(parts[1]);
      }
    }
    return 0;
  }

  /** Creates the cgroup directory, removing a stale one (and its processes) first. */
  static void createFresh(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      Signals.killUntilGone(() -> pids(dir.resolve("cgroup.procs")));
      rmdir(dir);
    }
    Files.createDirectories(dir);
  }

  /**
   * Removes a cgroup directory. The kernel refuses (EBUSY) for a moment after its last process was
   * killed, until that process has fully exited, hence the retries.
   */
  static void rmdir(Path dir) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (FileSystemException e) {
        if (attempt >= 100) {
          throw e;
        }
        Signals.pause(20);
      }
    }
  }
}
