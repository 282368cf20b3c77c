package org.hearth.agent.host;

/**
 * The aggregate CPU counters of {@code /proc/stat} (in clock ticks since boot), reduced to busy and
 * total. CPU usage is the busy share of the ticks between two samples.
 */
public record CpuTimes(long busy, long total) {

  /**
   * @throws IllegalArgumentException when the text has no aggregate {@code cpu} line
   */
  public static CpuTimes parse(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] fields = line.trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user.
        for (int i = 1; i <= 8 && i < fields.length; i++) {
          total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        return new CpuTimes(total - idle, total);
      }
    }
    throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
  }

  /** Percent of CPU time spent busy since {@code earlier}; 0 when no time has passed. */
  public double percentSince(CpuTimes earlier) {
    long elapsed = total - earlier.total;
    return elapsed <= 0 ? 0 : 100.0 * (busy - earlier.busy) / elapsed;
  }
}
