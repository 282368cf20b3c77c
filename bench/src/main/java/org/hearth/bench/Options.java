package org.hearth.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The command line of {@link HeartbeatIngest}. */
final class Options {
  static final String USAGE =
      """
      Usage: java -jar hearth-bench.jar [options]

        --server URL              Hearth to send to (default http://localhost:8090); only
                                  localhost / 127.0.0.1 are accepted
        --public-url URL          the server's hearth.public-url, which NIP-98 u tags must match
                                  (default: --server)
        --nodes N                 simulated nodes (default 10000)
        --interval DURATION       each node heartbeats once per interval (default PT15S)
        --warmup DURATION         sent but not measured, at the start of each run (default PT15S)
        --duration DURATION       measured window after the warm-up (default PT60S)
        --server-pid PID          the server JVM, to report its CPU over the measured window
        --find-max                step the rate up (see --rates) until a step fails; the nodes
                                  heartbeat faster instead of --interval
        --rates R1,R2,...         heartbeats/s for --find-max
                                  (default 100,150,200,300,400,500,667,1000,1500,2000,3000)
        --max-p99 DURATION        a --find-max step fails above this p99 (default PT0.2S); it also
                                  fails on any error or below 95% of its target rate
        --step-attempts N         runs of a --find-max step before it counts as failed, for
                                  machines whose other load comes and goes (default 1)
        --max-in-flight N         requests outstanding at once; more wait, and the wait counts as
                                  latency (default 1024)
        --sign-threads N          threads signing NIP-98 events ahead of time (default 2)
        --sign-ahead DURATION     how far ahead of its due time a request is signed; its
                                  created_at is its due time (default PT2S)
        --http-threads N          HttpClient executor threads (default 2)
        --register-concurrency N  nodes registering (and sending their first heartbeat) at
                                  once in phase 1 (default 16)
        --request-timeout DURATION  (default PT30S)
      Durations are ISO-8601 (PT15S, PT0.2S).
      """;

  URI server = URI.create("http://localhost:8090");
  String publicUrl;
  int nodes = 10_000;
  Duration interval = Duration.ofSeconds(15);
  Duration warmup = Duration.ofSeconds(15);
  Duration duration = Duration.ofSeconds(60);
  String serverPid;
  boolean findMax;
  List<Double> rates =
      List.of(100.0, 150.0, 200.0, 300.0, 400.0, 500.0, 667.0, 1000.0, 1500.0, 2000.0, 3000.0);
  Duration maxP99 = Duration.ofMillis(200);
  int stepAttempts = 1;
  int maxInFlight = 1024;
  int signThreads = 2;
  Duration signAhead = Duration.ofSeconds(2);
  int httpThreads = 2;
  int registerConcurrency = 16;
  Duration requestTimeout = Duration.ofSeconds(30);

  static Options parse(String... args) {
    Options o = new Options();
    for (Flags.Flag flag : Flags.split(Set.of("--find-max"), args)) {
      String name = flag.name();
      String value = flag.value();
      try {
        switch (name) {
          case "--find-max" -> o.findMax = true;
          case "--server" -> o.server = URI.create(Flags.stripSlash(value));
          case "--public-url" -> o.publicUrl = Flags.stripSlash(value);
          case "--nodes" -> o.nodes = positive(name, Integer.parseInt(value));
          case "--interval" -> o.interval = Duration.parse(value);
          case "--warmup" -> o.warmup = Duration.parse(value);
          case "--duration" -> o.duration = Duration.parse(value);
          case "--server-pid" -> o.serverPid = String.valueOf(Long.parseLong(value));
          case "--rates" -> o.rates = rates(value);
          case "--max-p99" -> o.maxP99 = Duration.parse(value);
          case "--step-attempts" -> o.stepAttempts = positive(name, Integer.parseInt(value));
          case "--max-in-flight" -> o.maxInFlight = positive(name, Integer.parseInt(value));
          case "--sign-threads" -> o.signThreads = positive(name, Integer.parseInt(value));
          case "--sign-ahead" -> o.signAhead = Duration.parse(value);
          case "--http-threads" -> o.httpThreads = positive(name, Integer.parseInt(value));
          case "--register-concurrency" ->
              o.registerConcurrency = positive(name, Integer.parseInt(value));
          case "--request-timeout" -> o.requestTimeout = Duration.parse(value);
          default -> throw new UsageException("unknown option " + name);
        }
      } catch (RuntimeException e) {
        if (e instanceof UsageException u) {
          throw u;
        }
        throw new UsageException(name + " " + value + ": " + e.getMessage());
      }
    }
    Flags.localServer(o.server);
    if (o.publicUrl == null) {
      o.publicUrl = o.server.toString();
    }
    if (o.signAhead.isNegative() || o.signAhead.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new UsageException("--sign-ahead must be between PT0S and PT30S");
    }
    return o;
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new UsageException(name + " must be at least 1");
    }
    return value;
  }

  static List<Double> rates(String value) {
    List<Double> rates = new ArrayList<>();
    for (String part : value.split(",")) {
      double rate = Double.parseDouble(part.trim());
      if (!(rate > 0)) {
        throw new UsageException("rates must be positive: " + part);
      }
      rates.add(rate);
    }
    return List.copyOf(rates);
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
