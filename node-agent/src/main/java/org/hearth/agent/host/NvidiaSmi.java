package org.hearth.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Lists NVIDIA GPUs with {@code nvidia-smi}, when it is installed. */
public final class NvidiaSmi {
  private static final System.Logger LOG = System.getLogger(NvidiaSmi.class.getName());

  private NvidiaSmi() {}

  /** The host's GPUs; none when nvidia-smi is absent or fails. */
  public static List<Gpu> query() {
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException notInstalled) {
      return List.of();
    }
    try {
      // Its output is far smaller than a pipe's buffer, so waiting before reading cannot block it.
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        LOG.log(System.Logger.Level.WARNING, "nvidia-smi failed; offering no GPUs");
        return List.of();
      }
      return parse(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read nvidia-smi output; offering no GPUs", e);
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      process.destroy();
    }
  }

  /**
   * Parses {@code name, memory MiB} lines. Lines without a numeric memory (e.g. {@code [N/A]}) are
   * skipped rather than offered with a made-up size.
   */
  public static List<Gpu> parse(String csv) {
    List<Gpu> gpus = new ArrayList<>();
    for (String line : csv.split("\n")) {
      int comma = line.lastIndexOf(',');
      if (comma <= 0) {
        continue;
      }
      String model = line.substring(0, comma).trim();
      String memory = line.substring(comma + 1).trim();
      if (!model.isEmpty() && memory.matches("\\d{1,12}")) {
        gpus.add(new Gpu(model, Long.parseLong(memory)));
      }
    }
    return gpus;
  }
}
