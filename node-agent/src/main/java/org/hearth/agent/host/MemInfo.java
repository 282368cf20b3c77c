package org.hearth.agent.host;

import java.util.HashMap;
import java.util.Map;

/** The two figures of {@code /proc/meminfo} the agent needs, in KiB. */
public record MemInfo(long totalKiB, long availableKiB) {

  /**
   * @throws IllegalArgumentException when the text has no {@code MemTotal}
   */
  public static MemInfo parse(String procMeminfo) {
    Map<String, Long> kib = new HashMap<>();
    for (String line : procMeminfo.split("\n")) {
      String[] fields = line.trim().split("[:\\s]+");
      if (fields.length >= 2 && fields[1].chars().allMatch(Character::isDigit)) {
        kib.put(fields[0], Long.parseLong(fields[1]));
      }
    }
    Long total = kib.get("MemTotal");
    if (total == null) {
      throw new IllegalArgumentException("no MemTotal in /proc/meminfo");
    }
    // MemAvailable exists since Linux 3.14; MemFree is the conservative stand-in before that.
    long available = kib.getOrDefault("MemAvailable", kib.getOrDefault("MemFree", 0L));
    return new MemInfo(total, available);
  }

  public long totalMiB() {
    return totalKiB / 1024;
  }

  public long usedMiB() {
    return (totalKiB - availableKiB) / 1024;
  }
}
