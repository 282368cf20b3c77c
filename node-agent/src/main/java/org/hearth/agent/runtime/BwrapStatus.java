package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What bwrap writes to its {@code --json-status-fd}: first {@code {"child-pid": N, ...}}, the host
 * pid of the sandbox's pid 1, then {@code {"exit-code": N}} when that process ends, but only if it
 * got as far as exec'ing the command. A missing exit code therefore means the sandbox setup failed.
 */
final class BwrapStatus {

  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");
  private static final Pattern EXIT_CODE = Pattern.compile("\"exit-code\"\\s*:\\s*(\\d+)");

  private BwrapStatus() {}

  static OptionalLong childPid(Path file) {
    return find(CHILD_PID, file);
  }

  static boolean commandRan(Path file) {
    return find(EXIT_CODE, file).isPresent();
  }

  private static OptionalLong find(Pattern pattern, Path file) {
    try {
      Matcher m = pattern.matcher(Files.readString(file));
      return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}
