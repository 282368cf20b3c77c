package org.hearth.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.hearth.protocol.nostr.Bip340;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * Hearth's embedded Nostr relay under load, over its WebSocket as Nostr clients use it. Four
 * phases: signature verification alone (in this JVM, the project's {@link EventVerifier}); ingest
 * (pre-signed kind-1 events sent open-loop at stepped rates over several connections, latency from
 * due time to {@code OK true}); indexed {@code REQ}s (by author, by {@code #t}, by kind and since,
 * limit 20, open-loop, latency from due time to {@code EOSE}); and idle connections (the server's
 * heap after GC, per connection). One JSON line per phase on standard output, progress on standard
 * error.
 */
public final class RelayBench {
  static final String USAGE =
      """
      Usage: java -cp hearth-bench.jar org.hearth.bench.RelayBench [options]

        --server URL           Hearth (default http://localhost:58080); only localhost /
                               127.0.0.1 are accepted; the relay is ws://.../relay
        --server-pid PID       the server JVM: its CPU per step, and its heap (jcmd) for idle
        --phases LIST          any of verify,ingest,req,idle (default all four)
        --connections N        connections publishing or querying (default 8)
        --authors N            keys the events are signed by (default 200)
        --topics N             distinct #t values (default 50)
        --rates R1,R2,...      ingest events/s, stepped up until a step fails
                               (default 100,200,400,800,1500,3000,5000)
        --req-rates R1,R2,...  REQs/s, likewise (default 100,200,400,800,1500,2000)
        --warmup DURATION      sent but not measured, at the start of each step (default PT3S)
        --duration DURATION    measured window of each step (default PT10S)
        --max-p99 DURATION     a step fails above this p99 (default PT0.1S), on any error, or
                               below 95% of its target rate
        --step-attempts N      runs of a step before it counts as failed; the first steps on a
                               fresh server also warm its JIT up (default 2)
        --max-in-flight N      messages awaiting an answer at once (default 2048 for ingest;
                               REQs at most 10 per connection, under the relay's 20 subscriptions)
        --timeout DURATION     how long an answer may take (default PT20S)
        --idle N               idle connections to open (default 10000)
        --verify DURATION      length of each verification loop, after a warm-up loop
                               as long (default PT5S)
      """;
  private static final Set<String> FLAGS =
      Set.of(
          "--server",
          "--server-pid",
          "--phases",
          "--connections",
          "--authors",
          "--topics",
          "--rates",
          "--req-rates",
          "--warmup",
          "--duration",
          "--max-p99",
          "--step-attempts",
          "--max-in-flight",
          "--timeout",
          "--idle",
          "--verify");
  private static final PrintStream LOG = System.err;
  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private final URI relay;
  private final String serverPid;
  private final Set<String> phases;
  private final int connections;
  private final int topics;
  private final List<Double> rates;
  private final List<Double> reqRates;
  private final Duration warmup;
  private final Duration duration;
  private final Duration maxP99;
  private final int stepAttempts;
  private final int maxInFlight;
  private final Duration timeout;
  private final int idle;
  private final Duration verify;
  private final List<NostrKeyPair> authors = new ArrayList<>();
  private final long ticksPerSecond = ProcCpu.ticksPerSecond();
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final HttpClient http = HttpClient.newHttpClient();
  private long firstCreatedAt;
  private int stepNumber;

  private RelayBench(Flags flags) {
    URI server = flags.server("http://localhost:58080");
    this.relay = URI.create("ws://" + server.getAuthority() + "/relay");
    this.serverPid = flags.string("--server-pid", null);
    this.phases = Set.of(flags.string("--phases", "verify,ingest,req,idle").split(","));
    this.connections = flags.positiveInt("--connections", 8);
    this.topics = flags.positiveInt("--topics", 50);
    this.rates = Options.rates(flags.string("--rates", "100,200,400,800,1500,3000,5000"));
    this.reqRates = Options.rates(flags.string("--req-rates", "100,200,400,800,1500,2000"));
    this.warmup = flags.duration("--warmup", Duration.ofSeconds(3));
    this.duration = flags.duration("--duration", Duration.ofSeconds(10));
    this.maxP99 = flags.duration("--max-p99", Duration.ofMillis(100));
    this.stepAttempts = flags.positiveInt("--step-attempts", 2);
    this.maxInFlight = flags.positiveInt("--max-in-flight", 2048);
    this.timeout = flags.duration("--timeout", Duration.ofSeconds(20));
    this.idle = flags.positiveInt("--idle", 10_000);
    this.verify = flags.duration("--verify", Duration.ofSeconds(5));
    int authorCount = flags.positiveInt("--authors", 200);
    for (int i = 0; i < authorCount; i++) {
      authors.add(NostrKeyPair.generate());
    }
  }

  public static void main(String[] args) throws Exception {
    try {
      new RelayBench(Flags.parse(FLAGS, args)).run();
    } catch (Options.UsageException e) {
      Drivers.usage(e, USAGE);
    }
    System.exit(0); // the WebSocket clients' threads would keep the JVM alive
  }

  private void run() throws Exception {
    LOG.println("machine: " + Machine.describe() + "; relay " + relay);
    if (phases.contains("verify")) {
      print("verify", verification());
    }
    if (phases.contains("ingest")) {
      print("ingest", steps(rates, this::ingestStep));
    }
    if (phases.contains("req")) {
      print("req", steps(reqRates, this::reqStep));
    }
    if (phases.contains("idle")) {
      print("idle", idleConnections());
    }
  }

  private static void print(String phase, Map<String, Object> result) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("scenario", "relay-" + phase);
    line.putAll(result);
    line.put("machine", Machine.describe());
    System.out.println(HearthTenant.JSON.writeValueAsString(line));
  }

  // --- signature verification alone

  private Map<String, Object> verification() throws Exception {
    List<NostrEvent> events = IntStream.range(0, 2000).parallel().mapToObj(this::event).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    // The first one-thread loop warms the JIT up and is not reported.
    boolean warm = false;
    for (int threads : new int[] {1, 1, Machine.cores()}) {
      LongAdder verified = new LongAdder();
      long end = System.nanoTime() + verify.toNanos();
      long cpuBefore = ProcCpu.processTicks("self");
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 997;
        Thread worker =
            new Thread(
                () -> {
                  for (int i = offset; System.nanoTime() < end; i++) {
                    if (!EventVerifier.verify(events.get(i % events.size()))) {
                      throw new IllegalStateException("an event the driver signed did not verify");
                    }
                    verified.increment();
                  }
                });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      double seconds = verify.toNanos() / 1e9;
      double cpuSeconds = (ProcCpu.processTicks("self") - cpuBefore) / (double) ticksPerSecond;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("library", Bip340.verifiesNatively() ? "libsecp256k1" : "Bouncy Castle");
      r.put("verifiesPerSecond", round(verified.sum() / seconds));
      r.put("verifiesPerCpuSecond", round(verified.sum() / cpuSeconds));
      r.put("microsPerVerifyCpu", round(cpuSeconds * 1e6 / verified.sum()));
      LOG.println("verify, " + threads + " thread(s)" + (warm ? "" : " (warm-up)") + ": " + r);
      if (!warm) {
        warm = true;
        continue;
      }
      m.put(threads + "thread" + (threads == 1 ? "" : "s"), r);
    }
    return m;
  }

  /** Event {@code i} of this run: kind 1, by author {@code i % authors}, with a #t tag. */
  private NostrEvent event(int i) {
    NostrKeyPair author = authors.get(i % authors.size());
    return new EventSigner(author)
        .sign(
            1,
            List.of(List.of("t", topic(i)), List.of("client", "hearth-bench")),
            "relay bench " + runId + " event " + i,
            Instant.now());
  }

  private String topic(int i) {
    return "bench" + runId + "-" + (i % topics);
  }

  // --- stepped open-loop runs

  private interface Step {
    Map<String, Object> run(List<RelaySocket> sockets, double rate) throws Exception;
  }

  private Map<String, Object> steps(List<Double> stepRates, Step step) throws Exception {
    List<RelaySocket> sockets = open(connections, connections);
    List<Map<String, Object>> results = new ArrayList<>();
    double maxSustained = 0;
    steps:
    for (double rate : stepRates) {
      for (int attempt = 1; ; attempt++) {
        Map<String, Object> r = step.run(sockets, rate);
        r.put("attempt", attempt);
        results.add(r);
        LOG.println("step: " + HearthTenant.JSON.writeValueAsString(r));
        if (Boolean.TRUE.equals(r.get("sustained"))) {
          maxSustained = rate;
          break;
        }
        if (attempt >= stepAttempts) {
          break steps;
        }
      }
    }
    sockets.forEach(RelaySocket::abort);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maxSustainedRate", maxSustained);
    m.put("maxP99Ms", maxP99.toMillis());
    m.put("connections", connections);
    m.put("steps", results);
    return m;
  }

  private Map<String, Object> ingestStep(List<RelaySocket> sockets, double rate) throws Exception {
    int count = (int) Math.ceil(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
    int base = stepNumber++ * 10_000_000;
    LOG.printf("ingest at %.0f/s: signing %d events...%n", rate, count);
    List<NostrEvent> events =
        IntStream.range(0, count).parallel().mapToObj(i -> event(base + i)).toList();
    if (firstCreatedAt == 0) {
      firstCreatedAt = events.get(0).createdAt();
    }
    List<String> json = events.stream().map(NostrEvent::toJson).toList();
    return openLoop(
        sockets,
        rate,
        count,
        maxInFlight,
        (socket, k) -> socket.publish(events.get(k).id(), json.get(k)));
  }

  private Map<String, Object> reqStep(List<RelaySocket> sockets, double rate) throws Exception {
    int count = (int) Math.ceil(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
    int step = stepNumber++;
    LOG.printf("REQ at %.0f/s: %d queries...%n", rate, count);
    return openLoop(
        sockets,
        rate,
        count,
        10 * sockets.size(),
        (socket, k) -> socket.request("s" + step + "-" + k, filter(k)));
  }

  /** Query {@code k}: by author, by #t, or by kind and since, in turn; limit 20. */
  private String filter(int k) {
    int which = k / 3;
    return switch (k % 3) {
      case 0 ->
          "{\"authors\":[\""
              + authors.get(which % authors.size()).publicKeyHex()
              + "\"],\"limit\":20}";
      case 1 -> "{\"#t\":[\"" + topic(which) + "\"],\"limit\":20}";
      default -> "{\"kinds\":[1],\"since\":" + (firstCreatedAt + which % 60) + ",\"limit\":20}";
    };
  }

  /**
   * Sends {@code count} messages at {@code rate}/s, round-robin over the sockets, and measures
   * those due after the warm-up from their due time to their answer.
   */
  private Map<String, Object> openLoop(
      List<RelaySocket> sockets,
      double rate,
      int count,
      int inFlight,
      BiFunction<RelaySocket, Integer, CompletableFuture<RelaySocket.Reply>> send)
      throws Exception {
    InFlightLimiter limiter = new InFlightLimiter(inFlight);
    Histogram latency = new ConcurrentHistogram(3);
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    LongAdder ok = new LongAdder();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicLong outstanding = new AtomicLong();
    long eventsBefore = sockets.stream().mapToLong(RelaySocket::eventsReceived).sum();
    long start = System.nanoTime() + 50_000_000L;
    long windowStart = start + warmup.toNanos();
    long[] cpuBefore = null;
    long measured = 0;
    for (int k = 0; k < count; k++) {
      long due = start + (long) (k * 1e9 / rate);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean isMeasured = due >= windowStart;
      if (isMeasured && cpuBefore == null) {
        cpuBefore = cpuTicks();
      }
      if (isMeasured) {
        measured++;
      }
      RelaySocket socket = sockets.get(k % sockets.size());
      int index = k;
      outstanding.incrementAndGet();
      limiter.submit(
          () ->
              send.apply(socket, index)
                  .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                  .whenComplete(
                      (reply, failure) -> {
                        limiter.release();
                        outstanding.decrementAndGet();
                        if (!isMeasured) {
                          return;
                        }
                        if (reply != null && reply.ok()) {
                          ok.increment();
                          latency.recordValue(Math.max(0, (reply.nanos() - due) / 1000));
                          lastAnswer.accumulateAndGet(reply.nanos(), Math::max);
                        } else {
                          String kind =
                              reply != null
                                  ? prefix(reply.message())
                                  : failure.getClass().getSimpleName();
                          errors.computeIfAbsent(kind, x -> new LongAdder()).increment();
                        }
                      }));
    }
    long sendEnd = System.nanoTime();
    long deadline = sendEnd + timeout.toNanos() + 2_000_000_000L;
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long[] cpuAfter = cpuTicks();
    long windowEnd = Math.max(sendEnd, lastAnswer.get());
    double seconds = (windowEnd - windowStart) / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("targetRate", rate);
    double achieved = ok.sum() / Math.max(seconds, duration.toNanos() / 1e9);
    m.put("achievedRate", round(achieved));
    m.put("measured", measured);
    m.put("ok", ok.sum());
    Map<String, Long> errorCounts = new LinkedHashMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
    long unfinished = measured - ok.sum() - errorCounts.values().stream().mapToLong(x -> x).sum();
    if (unfinished > 0) {
      errorCounts.put("unfinished", unfinished);
    }
    long errorTotal = errorCounts.values().stream().mapToLong(x -> x).sum();
    m.put("errors", errorTotal);
    m.put("errorsByKind", errorCounts);
    m.put("latencyMs", Latencies.millis(latency));
    m.put(
        "eventsReceived",
        sockets.stream().mapToLong(RelaySocket::eventsReceived).sum() - eventsBefore);
    m.put("cpu", cpuPercent(cpuBefore, cpuAfter, seconds, ok.sum()));
    m.put("loadAverage", Machine.loadAverage());
    m.put(
        "sustained",
        errorTotal == 0
            && achieved >= 0.95 * rate
            && latency.getTotalCount() > 0
            && latency.getValueAtPercentile(99) <= maxP99.toNanos() / 1000);
    return m;
  }

  private static String prefix(String message) {
    int colon = message.indexOf(':');
    return colon > 0 ? message.substring(0, colon) : message.isEmpty() ? "refused" : message;
  }

  /** {server, driver, machine busy, machine total} ticks; server -1 when unknown. */
  private long[] cpuTicks() throws IOException {
    long[] machine = ProcCpu.machineTicks();
    long server = serverPid == null ? -1 : ProcCpu.processTicks(serverPid);
    return new long[] {server, ProcCpu.processTicks("self"), machine[0], machine[1]};
  }

  private Map<String, Object> cpuPercent(long[] before, long[] after, double seconds, long done) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (before == null) {
      return m;
    }
    double server = (after[0] - before[0]) * 100.0 / ticksPerSecond / seconds;
    double driver = (after[1] - before[1]) * 100.0 / ticksPerSecond / seconds;
    double machine = (after[2] - before[2]) * 100.0 / (after[3] - before[3]) * Machine.cores();
    if (serverPid != null) {
      m.put("serverPctOfOneCore", round(server));
      m.put("serverCpuMsPerMessage", done > 0 ? round(server * 10 / (done / seconds)) : null);
    }
    m.put("driverPctOfOneCore", round(driver));
    m.put("othersPctOfOneCore", round(Math.max(0, machine - driver - Math.max(0, server))));
    return m;
  }

  // --- idle connections

  private Map<String, Object> idleConnections() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ulimitN", ulimit());
    Map<String, Object> before = serverMemory();
    m.put("serverBefore", before);
    long started = System.nanoTime();
    List<RelaySocket> sockets = open(idle, 200);
    m.put("opened", sockets.size());
    m.put("openSeconds", round((System.nanoTime() - started) / 1e9));
    Thread.sleep(5000);
    m.put("stillOpenAfter5s", sockets.stream().filter(RelaySocket::isOpen).count());
    Map<String, Object> after = serverMemory();
    m.put("serverAfter", after);
    if (before.get("heapUsedKiB") instanceof Long b && after.get("heapUsedKiB") instanceof Long a) {
      m.put("heapKiBPerConnection", round((a - b) / (double) sockets.size()));
    }
    if (before.get("rssKiB") instanceof Long b && after.get("rssKiB") instanceof Long a) {
      m.put("rssKiBPerConnection", round((a - b) / (double) sockets.size()));
    }
    LOG.println("idle: " + m);
    sockets.forEach(RelaySocket::abort);
    return m;
  }

  /**
   * Opens {@code n} connections, {@code atOnce} handshakes at a time; stops at the first failure.
   */
  private List<RelaySocket> open(int n, int atOnce) throws Exception {
    List<RelaySocket> sockets = new ArrayList<>();
    for (int i = 0; i < n; i += atOnce) {
      List<CompletableFuture<RelaySocket>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(n, i + atOnce); j++) {
        batch.add(RelaySocket.open(http, relay));
      }
      for (CompletableFuture<RelaySocket> f : batch) {
        try {
          sockets.add(f.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
          LOG.println("opening connection " + sockets.size() + " failed: " + e);
          return sockets;
        }
      }
      if (n > 1000 && (i / atOnce) % 10 == 0) {
        LOG.println("open: " + sockets.size());
      }
    }
    return sockets;
  }

  /** The server's heap used after a full GC (jcmd), threads and RSS. */
  private Map<String, Object> serverMemory() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    if (serverPid == null) {
      return m;
    }
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (used.find()) {
      m.put("heapCommittedKiB", Long.parseLong(used.group(1)));
      m.put("heapUsedKiB", Long.parseLong(used.group(2)));
    }
    for (String line :
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", serverPid, "status"))) {
      if (line.startsWith("VmRSS:")) {
        m.put("rssKiB", Long.parseLong(line.replaceAll("\\D", "")));
      } else if (line.startsWith("Threads:")) {
        m.put("threads", Long.parseLong(line.replaceAll("\\D", "")));
      }
    }
    return m;
  }

  private String jcmd(String command) throws Exception {
    Process p = new ProcessBuilder("jcmd", serverPid, command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private static String ulimit() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "ulimit -n").start();
      return new String(p.getInputStream().readAllBytes()).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
