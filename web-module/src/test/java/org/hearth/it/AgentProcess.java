package org.hearth.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A real node agent process (the shaded jar the build made), pointed at the test server. */
final class AgentProcess implements AutoCloseable {

  final Path dataDir;
  final String region;
  private final Path config;
  private final String server;
  private Process process;

  AgentProcess(String server, String region) throws IOException {
    this.server = server;
    this.region = region;
    Path root = Path.of(System.getProperty("hearth.war")).resolveSibling("agents").resolve(region);
    this.dataDir = root.resolve("data");
    this.config = root.resolve("agent.properties");
    Files.createDirectories(dataDir);
    Files.writeString(
        config,
        String.join(
            "\n",
            "data-dir=" + dataDir,
            "machine-id=it-" + UUID.randomUUID(),
            "region=" + region,
            "tags=test",
            "description=integration test agent",
            "price-per-point-hour=5",
            "benchmark.millis=300",
            "policy.max-vms=8",
            ""));
  }

  AgentProcess start() throws IOException {
    process =
        new ProcessBuilder(
                "java",
                "-Xmx256m",
                "-jar",
                System.getProperty("hearth.agentJar"),
                "--server",
                server,
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("agent.log").toFile()))
            .start();
    return this;
  }

  /** Ends the agent at once, as a crash or a power cut would. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
