package org.hearth.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Payara Micro started by a test itself, running the built WAR at the root context with the same
 * boot commands as {@code server-config/run}: for a second server on a shared database, or a server
 * the test stops and starts again.
 */
final class PayaraServer implements AutoCloseable {

  final int port;
  private final Map<String, String> env;
  private Process process;

  private PayaraServer(int port, Map<String, String> env) {
    this.port = port;
    this.env = env;
  }

  /** Whether the integration tests run on PostgreSQL (HEARTH_DB_URL), not on H2 files. */
  static boolean onPostgres() {
    String url = System.getenv("HEARTH_DB_URL");
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  /**
   * A second server on the integration tests' database, when that is PostgreSQL (the embedded H2
   * file admits one server process).
   */
  static Optional<PayaraServer> secondOnSharedDatabase(int port) throws Exception {
    if (!onPostgres()) {
      return Optional.empty();
    }
    return Optional.of(new PayaraServer(port, Map.of()).start());
  }

  /**
   * The environment for a server with an H2 file of its own under {@code target/<name>}, or on the
   * shared PostgreSQL database when the tests run on one.
   */
  static Map<String, String> ownDatabase(String name) {
    Map<String, String> env = new HashMap<>();
    if (!onPostgres()) {
      Path data = Path.of(System.getProperty("hearth.war")).resolveSibling(name);
      env.put(
          "HEARTH_DB_URL",
          "jdbc:h2:file:"
              + data.resolve("hearth")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }
    return env;
  }

  /** A server with its own environment overrides (e.g. {@link #ownDatabase}). */
  static PayaraServer withEnvironment(int port, Map<String, String> env) {
    return new PayaraServer(port, env);
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Where the server's output goes, appended across restarts. */
  Path log() {
    return Path.of(System.getProperty("hearth.war")).resolveSibling("server-" + port + ".log");
  }

  PayaraServer start() throws Exception {
    File log = log().toFile();
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--postbootcommandfile",
                System.getProperty("hearth.postboot"),
                "--addlibs",
                System.getProperty("hearth.postgresqlJar"),
                "--deploy",
                System.getProperty("hearth.war"),
                "--contextroot",
                "/")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().put("HEARTH_PUBLIC_URL", url());
    builder.environment().putAll(env);
    process = builder.start();
    awaitReady(Duration.ofMinutes(3));
    return this;
  }

  /** Kills the server at once (SIGKILL, like kill -9 or a power cut) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Stops the server the way Ctrl-C does, and waits until it is gone. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/health/ready")).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the server on port " + port + " exited; see its log in target/");
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    close();
    throw new AssertionError("the server on port " + port + " was not ready within " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
