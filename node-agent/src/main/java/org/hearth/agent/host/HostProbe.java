package org.hearth.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the host offers: CPU cores, memory, the data dir's disk, architecture, GPUs. */
public final class HostProbe {
  static final Path MEMINFO = Path.of("/proc/meminfo");
  static final Path STAT = Path.of("/proc/stat");
  private static final long GIB = 1L << 30;

  private HostProbe() {}

  public static HostInventory inventory(Path dataDir) throws IOException {
    return new HostInventory(
        normalizeArch(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        memInfo().totalMiB(),
        Files.getFileStore(dataDir).getTotalSpace() / GIB,
        NvidiaSmi.query());
  }

  /** The architecture as {@code uname -m} names it, which is what tenants look for. */
  public static String normalizeArch(String javaArch) {
    return switch (javaArch) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      default -> javaArch;
    };
  }

  static MemInfo memInfo() throws IOException {
    return MemInfo.parse(Files.readString(MEMINFO));
  }

  static CpuTimes cpuTimes() throws IOException {
    return CpuTimes.parse(Files.readString(STAT));
  }

  static long diskUsedGiB(Path dataDir) throws IOException {
    var store = Files.getFileStore(dataDir);
    return (store.getTotalSpace() - store.getUnallocatedSpace()) / GIB;
  }
}
