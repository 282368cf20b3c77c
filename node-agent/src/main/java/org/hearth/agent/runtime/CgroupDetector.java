package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the machine's cgroup hierarchies in a {@code mountinfo} file. */
final class CgroupDetector {

  private static final List<String> CONTROLLERS = List.of("cpu", "memory", "pids");
  private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

  private CgroupDetector() {}

  static Cgroups detect(Path mountinfo) throws WorkloadException {
    List<String> lines;
    try {
      lines = Files.readAllLines(mountinfo);
    } catch (IOException e) {
      throw new WorkloadException("cannot read " + mountinfo + ": " + e.getMessage(), e);
    }
    Map<String, Path> v1 = new HashMap<>();
    for (String line : lines) {
      // "<id> <parent> <dev> <root> <mount point> <options> [optional fields] - <type> <source>
      // <super options>"
      String[] halves = line.split(" - ", 2);
      if (halves.length < 2) {
        continue;
      }
      String[] mount = halves[0].split(" ");
      String[] fs = halves[1].split(" ");
      if (mount.length < 5 || fs.length < 3) {
        continue;
      }
      Path mountPoint = Path.of(unescape(mount[4]));
      if (fs[0].equals("cgroup2") && offersAll(mountPoint)) {
        return new CgroupsV2(mountPoint);
      }
      if (fs[0].equals("cgroup")) {
        for (String option : fs[2].split(",")) {
          if (CONTROLLERS.contains(option)) {
            v1.putIfAbsent(option, mountPoint);
          }
        }
      }
    }
    if (v1.keySet().containsAll(CONTROLLERS)) {
      return new CgroupsV1(v1.get("cpu"), v1.get("memory"), v1.get("pids"));
    }
    throw new WorkloadException(
        "no usable cgroup hierarchy: need a cgroup2 mount with the cpu, memory and pids"
            + " controllers, or cgroup v1 mounts of all three (found v1: "
            + v1.keySet()
            + ")");
  }

  private static boolean offersAll(Path mountPoint) {
    try {
      Set<String> offered =
          Set.of(Files.readString(mountPoint.resolve("cgroup.controllers")).trim().split("\\s+"));
      return offered.containsAll(CONTROLLERS);
    } catch (IOException e) {
      return false;
    }
  }

  /** mountinfo escapes space, tab, newline and backslash as octal, e.g. {@code \040}. */
  private static String unescape(String field) {
    return OCTAL_ESCAPE
        .matcher(field)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
  }
}
