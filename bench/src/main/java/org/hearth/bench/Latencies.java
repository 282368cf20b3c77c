package org.hearth.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Percentiles of a histogram of microseconds, in milliseconds, for result lines. */
final class Latencies {
  private Latencies() {}

  static Map<String, Object> millis(Histogram micros) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", micros.getTotalCount());
    m.put("p50", ms(micros.getValueAtPercentile(50)));
    m.put("p90", ms(micros.getValueAtPercentile(90)));
    m.put("p99", ms(micros.getValueAtPercentile(99)));
    m.put("p99.9", ms(micros.getValueAtPercentile(99.9)));
    m.put("max", ms(micros.getMaxValue()));
    return m;
  }

  /** p50 / p90 / p99 / max in ms, for progress lines. */
  static String brief(Histogram micros) {
    return String.format(
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(90) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0,
        micros.getTotalCount());
  }

  private static double ms(long micros) {
    return Math.round(micros) / 1000.0;
  }
}
