package org.hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/**
 * Heartbeat-ingest scenario: N simulated nodes register with a running Hearth (phase 1), then
 * heartbeat it on an open-loop schedule, each request NIP-98-signed by its node's key as a real
 * agent signs it (phase 2). Prints one JSON line per run on standard output: target and achieved
 * rate, errors, latency percentiles measured from each request's due time, and the CPU the server
 * process, this driver and the whole machine used over the measured window. Progress goes to
 * standard error. See {@link Options#USAGE} and {@code bench/README.md}.
 */
public final class HeartbeatIngest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream LOG = System.err;
  private static final int MAX_ERROR_SAMPLES = 5;
  private static final Duration SERVER_OFFLINE_AFTER = Duration.ofMinutes(2);

  private final Options options;
  private final HttpClient client;
  private final ExecutorService signPool;
  private final long ticksPerSecond = ProcCpu.ticksPerSecond();
  private final int cores = Machine.cores();

  private HeartbeatIngest(Options options) {
    this.options = options;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(options.httpThreads, Drivers.daemon("http")))
            .build();
    this.signPool = Executors.newFixedThreadPool(options.signThreads, Drivers.daemon("sign"));
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageException e) {
      Drivers.usage(e, Options.USAGE);
      return;
    }
    boolean ok = new HeartbeatIngest(options).run();
    System.exit(ok ? 0 : 1);
  }

  private boolean run() throws Exception {
    LOG.printf(
        "machine: %d cores, %s; driver JVM pid %d%n",
        cores, Machine.cpuModel(), ProcessHandle.current().pid());
    if (options.serverPid != null && !Files.exists(Path.of("/proc", options.serverPid))) {
      throw new IllegalArgumentException("no process " + options.serverPid);
    }
    List<SimNode> nodes = createNodes();
    register(nodes);
    if (!options.findMax) {
      StepResult result =
          runStep(
              nodes,
              new OpenLoopSchedule(
                  options.nodes, options.interval, options.warmup, options.duration));
      printResult("run", result);
      return result.errorCount() == 0;
    }
    Double sustained = null;
    Double failed = null;
    for (double rate : options.rates) {
      boolean passed = false;
      for (int attempt = 1; attempt <= options.stepAttempts && !passed; attempt++) {
        StepResult result =
            runStep(
                nodes,
                OpenLoopSchedule.atRate(options.nodes, rate, options.warmup, options.duration));
        printResult("find-max step", result);
        passed = result.sustained(options.maxP99);
      }
      if (!passed) {
        failed = rate;
        break;
      }
      sustained = rate;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("mode", "find-max summary");
    summary.put("nodes", options.nodes);
    summary.put("maxP99Ms", options.maxP99.toMillis());
    summary.put("maxSustainedRate", sustained);
    summary.put("firstFailedRate", failed);
    System.out.println(JSON.writeValueAsString(summary));
    return true;
  }

  // ---------------------------------------------------------------------------------- nodes

  /** One simulated node: its key, its machine id and the id the server derives from both. */
  private record SimNode(Nip98Signer signer, String machineId, String id, URI heartbeatUri) {}

  private List<SimNode> createNodes() {
    long start = System.nanoTime();
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<SimNode> nodes =
        IntStream.range(0, options.nodes)
            .parallel()
            .mapToObj(
                i -> {
                  NostrKeyPair key = NostrKeyPair.generate();
                  String machineId = "bench-" + run + "-" + i;
                  String id =
                      Sha256.hex(
                          (machineId + ":" + key.publicKeyHex()).getBytes(StandardCharsets.UTF_8));
                  URI uri = URI.create(options.publicUrl + "/api/nodes/" + id + "/heartbeat");
                  return new SimNode(new Nip98Signer(key), machineId, id, uri);
                })
            .toList();
    LOG.printf("generated %d node keys in %.1f s%n", nodes.size(), seconds(start));
    return nodes;
  }

  /**
   * Phase 1: registers every node and sends its first heartbeat right after, as an agent does, so
   * every node is ONLINE before phase 2; {@code --register-concurrency} nodes at a time.
   */
  private void register(List<SimNode> nodes) throws Exception {
    long start = System.nanoTime();
    String url = options.publicUrl + "/api/nodes";
    URI uri = URI.create(url);
    ExecutorService pool =
        Executors.newFixedThreadPool(options.registerConcurrency, Drivers.daemon("register"));
    Semaphore permits = new Semaphore(options.registerConcurrency * 4);
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      SimNode node = nodes.get(i);
      int index = i;
      permits.acquire();
      futures.add(
          pool.submit(
              () -> {
                try {
                  registerOne(node, index, url, uri);
                  int n = done.incrementAndGet();
                  if (n % 1000 == 0) {
                    LOG.printf("registered %d/%d%n", n, nodes.size());
                  }
                  return null;
                } finally {
                  permits.release();
                }
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double took = seconds(start);
    LOG.printf(
        "phase 1: registered %d nodes and sent their first heartbeats in %.1f s (%.0f nodes/s)%n",
        nodes.size(), took, nodes.size() / took);
  }

  private void registerOne(SimNode node, int index, String url, URI uri) throws Exception {
    String region = REGIONS[index % REGIONS.length];
    byte[] body =
        String.format(
                Locale.ROOT,
                "{\"machineId\":\"%s\",\"region\":\"%s\",\"tags\":[\"bench\"],"
                    + "\"description\":\"heartbeat-ingest bench node %d\",\"arch\":\"x86_64\","
                    + "\"cores\":%d,\"memoryMiB\":%d,\"diskGiB\":%d,\"gpus\":[],"
                    + "\"computePoints\":%d,\"pricePerPointHour\":%d}",
                node.machineId,
                region,
                index,
                8,
                32768,
                500,
                8000,
                25)
            .getBytes(StandardCharsets.UTF_8);
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(options.requestTimeout)
              .header("Content-Type", "application/json")
              .header(
                  "Authorization",
                  node.signer.authorizationHeader(url, "POST", body, Instant.now()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201 || response.statusCode() == 200) {
        JsonNode id = JSON.readTree(response.body()).get("id");
        if (id == null || !node.id.equals(id.asText())) {
          throw new IllegalStateException(
              "server gave node " + node.machineId + " the id " + id + ", expected " + node.id);
        }
        firstHeartbeat(node);
        return;
      }
      if (attempt >= 3) {
        throw new IllegalStateException(
            "registering "
                + node.machineId
                + ": HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
      Thread.sleep(200L * attempt);
    }
  }

  private void firstHeartbeat(SimNode node) throws Exception {
    byte[] body =
        "{\"cpuPercent\":1.0,\"memoryUsedMiB\":512,\"diskUsedGiB\":10,\"runningVms\":0}"
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(node.heartbeatUri)
            .timeout(options.requestTimeout)
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                node.signer.authorizationHeader(
                    node.heartbeatUri.toString(), "POST", body, Instant.now()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      // Not fatal: phase 2 heartbeats bring the node online too.
      LOG.printf(
          "first heartbeat of %s: HTTP %d %s%n",
          node.machineId, response.statusCode(), response.body());
    }
  }

  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap-se"};

  // ------------------------------------------------------------------------------- phase 2

  /** A heartbeat signed ahead of its due time. */
  private record Prepared(long k, long dueNanoTime, URI uri, byte[] body, String authorization) {}

  /** Phase 2: one open-loop run of the schedule; blocks until it has finished. */
  private StepResult runStep(List<SimNode> nodes, OpenLoopSchedule schedule) throws Exception {
    if (schedule.interval().compareTo(SERVER_OFFLINE_AFTER) >= 0) {
      LOG.println(
          "warning: an interval of "
              + schedule.interval()
              + " is not shorter than the server's default hearth.node.offline-after (PT2M):"
              + " nodes will go OFFLINE between heartbeats");
    }
    LOG.printf(
        "phase 2: %d nodes every %s = %.1f heartbeats/s; warm-up %s, measured %s%n",
        schedule.nodes(),
        schedule.interval(),
        schedule.ratePerSecond(),
        schedule.warmup(),
        schedule.duration());
    Run run = new Run(nodes, schedule);
    run.execute();
    return run.result();
  }

  /** The state of one open-loop run. */
  private final class Run {
    final List<SimNode> nodes;
    final OpenLoopSchedule schedule;
    final InFlightLimiter limiter = new InFlightLimiter(options.maxInFlight);
    final Histogram latency = new ConcurrentHistogram(3);
    final Histogram sendLag = new ConcurrentHistogram(3);
    final LongAdder completed = new LongAdder();
    final LongAdder okMeasured = new LongAdder();
    final LongAdder okInWindow = new LongAdder();
    final LongAdder errorsAll = new LongAdder();
    final Map<String, LongAdder> errorsMeasured = new ConcurrentHashMap<>();
    final Queue<String> errorSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final long startNanoTime;
    final Instant startWall;
    final long windowStart;
    final long windowEnd;
    final CpuWindow cpu = new CpuWindow();
    final BodyHandler<String> handler =
        info ->
            info.statusCode() / 100 == 2
                ? BodySubscribers.replacing(null)
                : BodySubscribers.ofString(StandardCharsets.UTF_8);

    Run(List<SimNode> nodes, OpenLoopSchedule schedule) {
      this.nodes = nodes;
      this.schedule = schedule;
      long now = System.nanoTime();
      Instant wallNow = Instant.now();
      this.startNanoTime = now + options.signAhead.toNanos() + 200_000_000L;
      this.startWall = wallNow.plusNanos(startNanoTime - now);
      this.windowStart = startNanoTime + schedule.warmup().toNanos();
      this.windowEnd = startNanoTime + schedule.endNanos();
    }

    void execute() throws InterruptedException {
      Thread sampler = new Thread(cpu::sample, "cpu-sampler");
      sampler.setDaemon(true);
      sampler.start();

      long total = schedule.requests();
      long lead = options.signAhead.toNanos();
      long nextSign = 0;
      long nextSend = 0;
      ArrayDeque<CompletableFuture<Prepared>> prepared = new ArrayDeque<>();
      long nextProgress = startNanoTime + 5_000_000_000L;
      while (nextSend < total) {
        long now = System.nanoTime();
        while (nextSign < total && startNanoTime + schedule.dueNanos(nextSign) - lead <= now) {
          long k = nextSign++;
          prepared.add(CompletableFuture.supplyAsync(() -> prepare(k), signPool));
        }
        while (nextSend < nextSign && startNanoTime + schedule.dueNanos(nextSend) <= now) {
          long k = nextSend++;
          prepared
              .poll()
              .whenComplete(
                  (p, signFailure) -> {
                    if (signFailure != null) {
                      fail(k, System.nanoTime(), "sign: " + signFailure);
                    } else {
                      limiter.submit(() -> send(p));
                    }
                  });
        }
        if (now >= nextProgress) {
          progress(now, nextSend);
          nextProgress += 5_000_000_000L;
        }
        long wake = Long.MAX_VALUE;
        if (nextSend < total) {
          wake = startNanoTime + schedule.dueNanos(nextSend);
        }
        if (nextSign < total) {
          wake = Math.min(wake, startNanoTime + schedule.dueNanos(nextSign) - lead);
        }
        wake = Math.min(wake, nextProgress);
        long sleep = wake - System.nanoTime();
        if (sleep > 0) {
          LockSupport.parkNanos(sleep);
        }
      }
      long deadline = System.nanoTime() + options.requestTimeout.toNanos() + 5_000_000_000L;
      while (completed.sum() < total && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      progress(System.nanoTime(), total);
      sampler.join();
      for (String sample : errorSamples) {
        LOG.println("  error sample: " + sample);
      }
    }

    Prepared prepare(long k) {
      SimNode node = nodes.get(schedule.node(k));
      long round = schedule.round(k);
      long due = schedule.dueNanos(k);
      // Load that changes from beat to beat, as a real agent's does; it also keeps each event
      // distinct, as NIP-98's replay protection requires.
      byte[] body =
          String.format(
                  Locale.ROOT,
                  "{\"cpuPercent\":%.1f,\"memoryUsedMiB\":%d,\"diskUsedGiB\":%d,\"runningVms\":%d}",
                  (k * 37 % 1000) / 10.0,
                  1024 + round % 30000,
                  100 + (k % 7),
                  (int) (k % 4))
              .getBytes(StandardCharsets.UTF_8);
      Instant createdAt = startWall.plusNanos(due);
      String authorization =
          node.signer.authorizationHeader(node.heartbeatUri.toString(), "POST", body, createdAt);
      return new Prepared(k, startNanoTime + due, node.heartbeatUri, body, authorization);
    }

    void send(Prepared p) {
      long sendAt = System.nanoTime();
      if (schedule.measured(p.k)) {
        sendLag.recordValue(Math.max(0, sendAt - p.dueNanoTime) / 1000);
      }
      HttpRequest request =
          HttpRequest.newBuilder(p.uri)
              .timeout(options.requestTimeout)
              .header("Content-Type", "application/json")
              .header("Authorization", p.authorization)
              .POST(HttpRequest.BodyPublishers.ofByteArray(p.body))
              .build();
      try {
        client
            .sendAsync(request, handler)
            .whenComplete(
                (response, failure) -> {
                  long done = System.nanoTime();
                  limiter.release();
                  if (failure != null) {
                    fail(p.k, done, Drivers.rootCause(failure));
                  } else if (response.statusCode() / 100 != 2) {
                    fail(p.k, done, "HTTP " + response.statusCode(), response.body());
                  } else {
                    succeed(p, done);
                  }
                });
      } catch (RuntimeException e) {
        limiter.release();
        fail(p.k, System.nanoTime(), Drivers.rootCause(e));
      }
    }

    void succeed(Prepared p, long done) {
      if (schedule.measured(p.k)) {
        latency.recordValue(Math.max(0, done - p.dueNanoTime) / 1000);
        okMeasured.increment();
      }
      if (done >= windowStart && done < windowEnd) {
        okInWindow.increment();
      }
      completed.increment();
    }

    void fail(long k, long done, String kind) {
      fail(k, done, kind, null);
    }

    void fail(long k, long done, String kind, String detail) {
      errorsAll.increment();
      if (schedule.measured(k)) {
        long due = startNanoTime + schedule.dueNanos(k);
        latency.recordValue(Math.max(0, done - due) / 1000);
        errorsMeasured.computeIfAbsent(kind, x -> new LongAdder()).increment();
      }
      if (errorSamples.size() < MAX_ERROR_SAMPLES) {
        errorSamples.add(kind + (detail == null ? "" : " " + detail));
      }
      completed.increment();
    }

    void progress(long now, long sent) {
      LOG.printf(
          "  t=%5.1fs sent=%d done=%d errors=%d inFlight=%d waiting=%d%n",
          (now - startNanoTime) / 1e9,
          sent,
          completed.sum(),
          errorsAll.sum(),
          limiter.inFlight(),
          limiter.waiting());
    }

    StepResult result() {
      Map<String, Long> errors = new TreeMap<>();
      errorsMeasured.forEach((kind, count) -> errors.put(kind, count.sum()));
      long measured = schedule.measuredRequests();
      long accounted = okMeasured.sum() + errors.values().stream().mapToLong(Long::longValue).sum();
      if (accounted < measured) {
        errors.put("unfinished", measured - accounted);
      }
      double windowSeconds = schedule.duration().toNanos() / 1e9;
      return new StepResult(
          schedule.nodes(),
          schedule.interval(),
          schedule.ratePerSecond(),
          okInWindow.sum() / windowSeconds,
          windowSeconds,
          measured,
          okMeasured.sum(),
          errors,
          latency,
          sendLag,
          cpu.percent(cpu.serverTicks),
          cpu.percent(cpu.driverTicks),
          cpu.machinePercent(),
          cores);
    }

    /** CPU used over the measured window, sampled at its start and its end. */
    final class CpuWindow {
      volatile long serverTicks = -1;
      volatile long driverTicks = -1;
      volatile long machineBusy = -1;
      volatile long machineTotal = -1;
      volatile long elapsedNanos;

      void sample() {
        try {
          Drivers.sleepUntil(windowStart);
          long t0 = System.nanoTime();
          long server0 = options.serverPid == null ? -1 : ProcCpu.processTicks(options.serverPid);
          long driver0 = ProcCpu.processTicks("self");
          long[] machine0 = ProcCpu.machineTicks();
          Drivers.sleepUntil(windowEnd);
          long t1 = System.nanoTime();
          if (server0 >= 0) {
            serverTicks = ProcCpu.processTicks(options.serverPid) - server0;
          }
          driverTicks = ProcCpu.processTicks("self") - driver0;
          long[] machine1 = ProcCpu.machineTicks();
          machineBusy = machine1[0] - machine0[0];
          machineTotal = machine1[1] - machine0[1];
          elapsedNanos = t1 - t0;
        } catch (IOException e) {
          LOG.println("cannot read CPU times: " + e);
        }
      }

      double percent(long ticks) {
        if (ticks < 0 || elapsedNanos <= 0) {
          return Double.NaN;
        }
        return 100.0 * ticks / ticksPerSecond / (elapsedNanos / 1e9);
      }

      double machinePercent() {
        return machineTotal <= 0 ? Double.NaN : 100.0 * machineBusy / machineTotal;
      }
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private void printResult(String mode, StepResult result) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("mode", mode);
    line.putAll(result.toMap());
    System.out.println(JSON.writeValueAsString(line));
    System.out.flush();
    LOG.printf(
        "result: target %.1f/s, achieved %.1f/s, errors %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f"
            + " ms, max %.1f ms; server CPU %.1f%% of one core (%.2f ms/heartbeat), driver %.1f%%,"
            + " others %.1f%%, machine %.1f%% of %d cores%n",
        result.targetRate(),
        result.achievedRate(),
        result.errorCount(),
        result.latencyMs(50),
        result.latencyMs(90),
        result.latencyMs(99),
        result.latencyMicros().getMaxValue() / 1000.0,
        result.serverCpuPercent(),
        result.serverCpuMsPerHeartbeat(),
        result.driverCpuPercent(),
        result.otherCpuPercent(),
        result.machineCpuPercent(),
        result.cores());
  }

  private static double seconds(long startNanoTime) {
    return (System.nanoTime() - startNanoTime) / 1e9;
  }
}
