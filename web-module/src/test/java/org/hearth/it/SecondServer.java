package org.hearth.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A second Payara Micro running the same WAR on the same database, started by a test to prove that
 * work claimed in the database is never done twice by two servers. Only on PostgreSQL: the embedded
 * H2 file admits one server process.
 */
final class SecondServer implements AutoCloseable {

  private final Process process;

  private SecondServer(Process process) {
    this.process = process;
  }

  static Optional<SecondServer> startIfSharedDatabase(int port) throws Exception {
    String url = System.getenv("HEARTH_DB_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return Optional.empty();
    }
    File log =
        new File(System.getProperty("hearth.war"))
            .toPath()
            .resolveSibling("second-server.log")
            .toFile();
    Process process =
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
            .redirectOutput(log)
            .start();
    SecondServer server = new SecondServer(process);
    server.awaitReady(port, Duration.ofMinutes(3));
    return Optional.of(server);
  }

  private void awaitReady(int port, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the second server exited; see second-server.log");
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
    throw new AssertionError("the second server was not ready within " + timeout);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
