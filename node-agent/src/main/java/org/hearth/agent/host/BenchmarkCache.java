package org.hearth.agent.host;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Keeps the benchmark's result in {@code <dataDir>/benchmark.properties}, so the agent measures
 * once rather than at every start (and not while its own VMs load the CPU).
 */
public final class BenchmarkCache {
  static final String FILE_NAME = "benchmark.properties";
  private static final System.Logger LOG = System.getLogger(BenchmarkCache.class.getName());

  private BenchmarkCache() {}

  /**
   * Points per core from the cache, or measured (and cached) when there is no result of the current
   * {@link CpuBenchmark#VERSION} or {@code rerun} is set.
   */
  public static long pointsPerCore(Path dataDir, boolean rerun, Duration duration)
      throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!rerun && Files.exists(file)) {
      Properties cached = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        cached.load(reader);
      }
      if (String.valueOf(CpuBenchmark.VERSION).equals(cached.getProperty("version"))) {
        try {
          return Long.parseLong(cached.getProperty("points-per-core", ""));
        } catch (NumberFormatException corrupt) {
          LOG.log(System.Logger.Level.WARNING, file + " is corrupt; benchmarking again");
        }
      }
    }
    LOG.log(System.Logger.Level.INFO, "Benchmarking the CPU for " + duration.toMillis() + " ms");
    long points = CpuBenchmark.pointsPerCore(duration);
    Properties result = new Properties();
    result.setProperty("version", String.valueOf(CpuBenchmark.VERSION));
    result.setProperty("points-per-core", String.valueOf(points));
    result.setProperty("measured-at", Instant.now().toString());
    try (Writer writer = Files.newBufferedWriter(file)) {
      result.store(
          writer, "CPU benchmark of the Hearth node agent; delete or --rebenchmark to redo");
    }
    return points;
  }
}
