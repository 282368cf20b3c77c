package org.hearth.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/** A real node agent process (the shaded jar the build made), pointed at the test server. */
final class AgentProcess implements AutoCloseable {

  final Path dataDir;
  final String region;
  private static Path agentsRoot;

  private final Path config;
  private final String server;
  private Process process;

  AgentProcess(String server, String region) throws IOException {
    this.server = server;
    this.region = region;
    Path root = agentsRoot().resolve(region);
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

  /**
   * Where agents keep their data: {@code target/agents}, unless a directory above it is closed to
   * other users (a clone under {@code mktemp -d} or {@code /root}). The sandbox runs each VM as
   * another user, who must reach its root, so the agents then live in a temporary directory that it
   * can pass through.
   */
  private static synchronized Path agentsRoot() throws IOException {
    if (agentsRoot == null) {
      Path target = Path.of(System.getProperty("hearth.war")).toAbsolutePath().getParent();
      if (othersCanPassThrough(target)) {
        agentsRoot = target.resolve("agents");
      } else {
        agentsRoot = Files.createTempDirectory("hearth-it-agents");
        Files.setPosixFilePermissions(agentsRoot, PosixFilePermissions.fromString("rwx--x--x"));
      }
    }
    return agentsRoot;
  }

  private static boolean othersCanPassThrough(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  /** Names the operator's key in the agent's config (before {@link #start}). */
  AgentProcess operatedBy(String operatorKey) throws IOException {
    Files.writeString(config, "operator=" + operatorKey + "\n", StandardOpenOption.APPEND);
    return this;
  }

  /** Freezes the agent (SIGSTOP): it falls silent like a node that lost its network. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a frozen agent go on (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + name + " failed: " + exit);
    }
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
