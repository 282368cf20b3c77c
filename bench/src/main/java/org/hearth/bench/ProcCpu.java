package org.hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc}: a process's user + system time ({@code /proc/<pid>/stat},
 * all its threads) and the whole machine's busy and total time ({@code /proc/stat}), in clock
 * ticks.
 */
public final class ProcCpu {
  private ProcCpu() {}

  /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on every common Linux. */
  public static long ticksPerSecond() {
    try {
      Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      if (process.waitFor() == 0) {
        return Long.parseLong(out);
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to the usual value
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  /** utime + stime of process {@code pid} ("self" for this one), in clock ticks. */
  public static long processTicks(String pid) throws IOException {
    return parseProcessTicks(Files.readString(Path.of("/proc", pid, "stat")));
  }

  /**
   * utime + stime from the text of {@code /proc/<pid>/stat}: fields 14 and 15, counted after the
   * command name in parentheses, which may itself contain spaces and parentheses.
   */
  static long parseProcessTicks(String stat) {
    String afterName = stat.substring(stat.lastIndexOf(')') + 2);
    String[] fields = afterName.trim().split("\\s+");
    // afterName starts at field 3 (state): field n is at index n - 3.
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  /** The machine's CPU time so far, all cores: {busy ticks, total ticks}. */
  public static long[] machineTicks() throws IOException {
    return parseMachineTicks(Files.readString(Path.of("/proc/stat")));
  }

  /**
   * {busy, total} from the first ("cpu") line of {@code /proc/stat}; idle and iowait are not busy,
   * guest time is already inside user.
   */
  static long[] parseMachineTicks(String procStat) {
    String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
    String[] fields = line.trim().split("\\s+");
    long total = 0;
    long idle = 0;
    // user nice system idle iowait irq softirq steal [guest guest_nice]
    for (int i = 1; i < fields.length && i <= 8; i++) {
      long value = Long.parseLong(fields[i]);
      total += value;
      if (i == 4 || i == 5) {
        idle += value;
      }
    }
    return new long[] {total - idle, total};
  }
}
