package org.hearth.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one open-loop run measured. Latencies are in microseconds in the histograms and reported in
 * milliseconds; CPU is in percent of one core (200% is both cores of a 2-core machine), or NaN when
 * it was not measured.
 */
record StepResult(
    int nodes,
    Duration interval,
    double targetRate,
    double achievedRate,
    double measuredSeconds,
    long measuredRequests,
    long ok,
    Map<String, Long> errors,
    Histogram latencyMicros,
    Histogram sendLagMicros,
    double serverCpuPercent,
    double driverCpuPercent,
    double machineCpuPercent,
    int cores) {

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  double latencyMs(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /**
   * Whether the server sustained the step: no errors, at least 95% of the target rate, and p99 at
   * most {@code maxP99}.
   */
  boolean sustained(Duration maxP99) {
    return errorCount() == 0
        && achievedRate >= 0.95 * targetRate
        && latencyMicros.getTotalCount() > 0
        && latencyMicros.getValueAtPercentile(99) <= maxP99.toNanos() / 1000;
  }

  /** Server CPU time per successful heartbeat; the goal (25% of a core at 667/s) is 0.375 ms. */
  double serverCpuMsPerHeartbeat() {
    return achievedRate > 0 ? serverCpuPercent * 10 / achievedRate : Double.NaN;
  }

  /**
   * CPU used by everything but the server and this driver (other builds and servers on a shared
   * machine), in percent of one core; NaN when the server's CPU was not measured.
   */
  double otherCpuPercent() {
    return Math.max(0, machineCpuPercent * cores - serverCpuPercent - driverCpuPercent);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", nodes);
    m.put("intervalS", round(interval.toNanos() / 1e9, 3));
    m.put("targetRate", round(targetRate, 1));
    m.put("achievedRate", round(achievedRate, 1));
    m.put("measuredSeconds", round(measuredSeconds, 1));
    m.put("measuredRequests", measuredRequests);
    m.put("ok", ok);
    m.put("errors", errorCount());
    m.put("errorsByKind", errors);
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", round(latencyMs(50), 2));
    latency.put("p90", round(latencyMs(90), 2));
    latency.put("p99", round(latencyMs(99), 2));
    latency.put("p99.9", round(latencyMs(99.9), 2));
    latency.put("max", round(latencyMicros.getMaxValue() / 1000.0, 2));
    m.put("latencyMs", latency);
    m.put("sendLagMsP99", round(sendLagMicros.getValueAtPercentile(99) / 1000.0, 2));
    m.put("serverCpuPctOfOneCore", round(serverCpuPercent, 1));
    m.put("serverCpuMsPerHeartbeat", round(serverCpuMsPerHeartbeat(), 3));
    m.put("driverCpuPctOfOneCore", round(driverCpuPercent, 1));
    m.put("machineCpuPctOfAllCores", round(machineCpuPercent, 1));
    m.put("otherCpuPctOfOneCore", round(otherCpuPercent(), 1));
    m.put("cores", cores);
    return m;
  }

  /** {@code value} to {@code decimals} places for a result line; null when not a number. */
  static Object round(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
