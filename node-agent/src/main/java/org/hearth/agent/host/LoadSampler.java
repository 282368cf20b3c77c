package org.hearth.agent.host;

import java.io.IOException;
import java.nio.file.Path;

/** Samples the host's load; CPU usage is measured over the time since the previous sample. */
public final class LoadSampler {
  private static final System.Logger LOG = System.getLogger(LoadSampler.class.getName());

  private final Path dataDir;
  private CpuTimes previous;

  public LoadSampler(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The load now; a figure that cannot be read is reported as 0 rather than failing the beat. */
  public synchronized HostLoad sample() {
    double cpuPercent = 0;
    long memoryUsedMiB = 0;
    long diskUsedGiB = 0;
    try {
      CpuTimes now = HostProbe.cpuTimes();
      cpuPercent = previous == null ? 0 : now.percentSince(previous);
      previous = now;
      memoryUsedMiB = HostProbe.memInfo().usedMiB();
      diskUsedGiB = HostProbe.diskUsedGiB(dataDir);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot sample host load: " + e);
    }
    return new HostLoad(cpuPercent, memoryUsedMiB, diskUsedGiB);
  }
}
