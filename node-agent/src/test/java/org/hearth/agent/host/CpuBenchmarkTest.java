package org.hearth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeatability (±10%) is measured as a benchmark: see bench/README.md. */
class CpuBenchmarkTest {

  @Test
  void theKernelIsDeterministic() {
    // A known answer: if this changes, the kernel changed, and so must CpuBenchmark.VERSION.
    assertEquals(KNOWN_STATE, CpuBenchmark.kernel(CpuBenchmark.newTable(), 1, 1 << 20));
  }

  @Test
  void theResultIsCachedUntilARerunIsAsked(@TempDir Path dataDir) throws Exception {
    Duration quick = Duration.ofMillis(200);
    long first = BenchmarkCache.pointsPerCore(dataDir, false, quick);
    Path file = dataDir.resolve(BenchmarkCache.FILE_NAME);
    String cached = Files.readString(file).replaceAll("points-per-core=\\d+", "points-per-core=7");
    Files.writeString(file, cached);

    assertEquals(7, BenchmarkCache.pointsPerCore(dataDir, false, quick));
    assertTrue(BenchmarkCache.pointsPerCore(dataDir, true, quick) > 7, "rerun measures again");
    assertTrue(first > 0);
  }

  private static final long KNOWN_STATE = -9123055409815774227L;
}
