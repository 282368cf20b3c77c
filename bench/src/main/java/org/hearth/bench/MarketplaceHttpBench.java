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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The marketplace search over HTTP: {@code GET /api/marketplace/nodes} against a running Hearth
 * that lists {@code --nodes} nodes (bench/run-marketplace writes them into its database). Waits
 * until the server's market view lists them all, then sends a fixed mix of searches (the default
 * listing, every sort, region, tags, price, uptime, points, GPU and {@code fits.*} filters, pages 1
 * to 5) open-loop at each rate of {@code --rates}, after a warm-up, and prints one JSON line per
 * rate: latency from each request's due time (p50 to max), errors, and the CPU of the server, this
 * driver and the machine over the measured window. The issue 6 goal is p99 ≤ 20 ms at 10,000 nodes.
 */
public final class MarketplaceHttpBench {
  static final String USAGE =
      """
      Usage: java -cp hearth-bench.jar org.hearth.bench.MarketplaceHttpBench [options]

        --server URL              Hearth to query (default http://localhost:28090); only
                                  localhost / 127.0.0.1 are accepted
        --nodes N                 online nodes the server must list before the runs start
                                  (default 10000)
        --rates R1,R2,...         requests/s, one run each (default 200,400)
        --warmup DURATION         sent but not measured, before each run (default PT20S)
        --duration DURATION       measured window of each run (default PT60S)
        --server-pid PID          the server JVM, to report its CPU over the measured window
        --max-in-flight N         requests outstanding at once; more wait, and the wait counts as
                                  latency (default 256)
        --http-threads N          HttpClient executor threads (default 2)
        --request-timeout DURATION  (default PT10S)
        --wait-for-nodes DURATION how long the market view may take to list --nodes
                                  (default PT3M)
        --jit-warmup DURATION     before the runs, searches one at a time (closed loop) so a
                                  freshly started server compiles its hot paths (default PT60S)
        --goal-p99 DURATION       the p99 a run must stay within (default PT0.02S)
        --seed N                  of the query mix (default 1)
      Durations are ISO-8601 (PT20S, PT0.02S).
      """;

  /** What bench/run-marketplace writes into the node table; the queries ask for the same. */
  static final String[] REGIONS = {
    "eu-west", "eu-central", "us-east", "us-west", "ap-southeast", "sa-east"
  };

  static final String[] TAGS = {"ssd", "nvme", "fast-net", "green", "ipv6"};
  static final String[] GPU_MODELS = {"A100", "L4"};
  static final String[] SORTS = {"reputation", "uptime", "price", "capacity"};
  static final String[] TIERS = {"GUARANTEED", "STANDARD", "BALANCED", "BURSTABLE"};

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream LOG = System.err;
  private static final int QUERY_POOL = 4096;
  private static final int MAX_ERROR_SAMPLES = 5;

  private final URI server;
  private final int nodes;
  private final Duration warmup;
  private final Duration duration;
  private final String serverPid;
  private final int maxInFlight;
  private final Duration requestTimeout;
  private final Duration goalP99;
  private final HttpClient client;
  private final List<Query> queries;
  private final long ticksPerSecond = ProcCpu.ticksPerSecond();

  /** One search: its path and query string, and the kind it is reported under. */
  record Query(URI uri, String kind) {}

  private MarketplaceHttpBench(Flags flags) {
    this.server = flags.server("http://localhost:28090");
    this.nodes = flags.positiveInt("--nodes", 10_000);
    this.warmup = flags.duration("--warmup", Duration.ofSeconds(20));
    this.duration = flags.duration("--duration", Duration.ofSeconds(60));
    String pid = flags.string("--server-pid", null);
    this.serverPid = pid == null ? null : String.valueOf(Long.parseLong(pid));
    this.maxInFlight = flags.positiveInt("--max-in-flight", 256);
    this.requestTimeout = flags.duration("--request-timeout", Duration.ofSeconds(10));
    this.goalP99 = flags.duration("--goal-p99", Duration.ofMillis(20));
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                Executors.newFixedThreadPool(
                    flags.positiveInt("--http-threads", 2), Drivers.daemon("http")))
            .build();
    this.queries = queries(server, new SplittableRandom(flags.positiveInt("--seed", 1)));
  }

  public static void main(String[] args) throws Exception {
    Flags flags;
    List<Double> rates;
    try {
      flags =
          Flags.parse(
              Set.of(
                  "--server",
                  "--nodes",
                  "--rates",
                  "--warmup",
                  "--duration",
                  "--server-pid",
                  "--max-in-flight",
                  "--http-threads",
                  "--request-timeout",
                  "--wait-for-nodes",
                  "--jit-warmup",
                  "--goal-p99",
                  "--seed"),
              args);
      rates = Options.rates(flags.string("--rates", "200,400"));
    } catch (Options.UsageException e) {
      Drivers.usage(e, USAGE);
      return;
    }
    MarketplaceHttpBench bench = new MarketplaceHttpBench(flags);
    bench.waitForNodes(flags.duration("--wait-for-nodes", Duration.ofMinutes(3)));
    bench.warmUp(flags.duration("--jit-warmup", Duration.ofSeconds(60)));
    boolean ok = true;
    for (double rate : rates) {
      Map<String, Object> result = bench.run(rate);
      System.out.println(JSON.writeValueAsString(result));
      System.out.flush();
      ok &= Boolean.TRUE.equals(result.get("goalMet"));
    }
    System.exit(ok ? 0 : 1);
  }

  // ------------------------------------------------------------------------------- queries

  /**
   * A fixed mix of searches, as the web page and API clients send them: a quarter the plain listing
   * in one of the four orders, the rest one to several filters; pages 1 to 5 (0 to 4 on the wire),
   * the first page most often.
   */
  static List<Query> queries(URI server, SplittableRandom random) {
    List<Query> queries = new ArrayList<>(QUERY_POOL);
    for (int i = 0; i < QUERY_POOL; i++) {
      List<String> params = new ArrayList<>();
      boolean listing = random.nextInt(4) == 0;
      if (!listing) {
        if (random.nextInt(10) < 4) {
          params.add("region=" + REGIONS[random.nextInt(REGIONS.length)]);
        }
        if (random.nextInt(10) < 3) {
          String tag = TAGS[random.nextInt(TAGS.length)];
          params.add(
              "tags="
                  + (random.nextInt(3) == 0 ? tag + "," + TAGS[random.nextInt(TAGS.length)] : tag));
        }
        if (random.nextInt(4) == 0) {
          params.add("maxPrice=" + (5 + random.nextInt(40)));
        }
        if (random.nextInt(4) == 0) {
          params.add("minUptime=" + (90 + random.nextInt(10)) + ".5");
        }
        if (random.nextInt(10) == 0) {
          params.add("minPoints=" + (2_000 + random.nextInt(30_000)));
        }
        if (random.nextInt(12) == 0) {
          params.add(
              "gpu="
                  + (random.nextBoolean()
                      ? "true"
                      : GPU_MODELS[random.nextInt(GPU_MODELS.length)]));
        }
        if (random.nextInt(10) < 3) {
          params.add("fits.vcpus=" + (1 << random.nextInt(4)));
          params.add("fits.memoryMiB=" + (1024 << random.nextInt(4)));
          params.add("fits.diskGiB=" + (10 << random.nextInt(3)));
          params.add("fits.tier=" + TIERS[random.nextInt(TIERS.length)]);
        }
        if (random.nextInt(5) == 0) {
          params.add("online=true");
        }
      }
      String sort = SORTS[random.nextInt(SORTS.length)];
      // The default order is reputation; a client may or may not say so.
      if (!sort.equals("reputation") || random.nextBoolean()) {
        params.add("sort=" + sort);
      }
      int page = random.nextInt(2) == 0 ? 0 : random.nextInt(5);
      if (page > 0) {
        params.add("page=" + page);
      }
      String query = String.join("&", params);
      queries.add(
          new Query(
              URI.create(server + "/api/marketplace/nodes" + (query.isEmpty() ? "" : "?" + query)),
              (params.stream().allMatch(p -> p.startsWith("sort=") || p.startsWith("page="))
                      ? "listing"
                      : "filtered")
                  + "/"
                  + sort));
    }
    return List.copyOf(queries);
  }

  /** Polls until the market view lists {@code nodes} online nodes; checks the response's shape. */
  private void waitForNodes(Duration patience) throws Exception {
    URI uri = URI.create(server + "/api/marketplace/nodes?online=true&size=1");
    long deadline = System.nanoTime() + patience.toNanos();
    long total = -1;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(requestTimeout).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          JsonNode body = JSON.readTree(response.body());
          total = body.path("total").asLong(-1);
          if (total >= nodes && body.path("items").size() == 1) {
            LOG.printf("the marketplace lists %d online nodes%n", total);
            return;
          }
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "the marketplace listed " + total + " online nodes after " + patience + ", not " + nodes);
  }

  /**
   * Searches one after another through the mix for {@code time}: a fresh server compiles its hot
   * paths without the backlog an open-loop start at full rate would build while it is still slow.
   */
  private void warmUp(Duration time) throws Exception {
    long end = System.nanoTime() + time.toNanos();
    Histogram latency = new Histogram(3);
    for (int k = 0; System.nanoTime() < end; k++) {
      long t = System.nanoTime();
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(queries.get(k % queries.size()).uri())
                  .timeout(requestTimeout)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            queries.get(k % queries.size()) + ": HTTP " + response.statusCode());
      }
      latency.recordValue((System.nanoTime() - t) / 1000);
    }
    LOG.printf("JIT warm-up, one search at a time: %s%n", Latencies.brief(latency));
  }

  // ----------------------------------------------------------------------------------- runs

  private Map<String, Object> run(double rate) throws InterruptedException {
    OpenLoopSchedule schedule = OpenLoopSchedule.atRate(1, rate, warmup, duration);
    LOG.printf("%.0f searches/s: warm-up %s, measured %s%n", rate, warmup, duration);
    Run run = new Run(schedule);
    run.execute();
    return run.result();
  }

  /** One open-loop run at one rate. */
  private final class Run {
    final OpenLoopSchedule schedule;
    final InFlightLimiter limiter = new InFlightLimiter(maxInFlight);
    final Histogram latency = new ConcurrentHistogram(3);
    final Histogram sendLag = new ConcurrentHistogram(3);
    final Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    final LongAdder completed = new LongAdder();
    final LongAdder okMeasured = new LongAdder();
    final LongAdder okInWindow = new LongAdder();
    final LongAdder bytesMeasured = new LongAdder();
    final LongAdder errorsAll = new LongAdder();
    final Map<String, LongAdder> errorsMeasured = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    final long start = System.nanoTime() + 100_000_000L;
    final long windowStart;
    final long windowEnd;
    final String loadBefore = Machine.loadAverage();
    final long[] cpu = new long[6]; // server, driver, machine busy, machine total, elapsed, valid
    final BodyHandler<byte[]> handler =
        info ->
            info.statusCode() == 200
                ? BodySubscribers.ofByteArray()
                : BodySubscribers.mapping(
                    BodySubscribers.ofString(StandardCharsets.UTF_8),
                    s -> s.getBytes(StandardCharsets.UTF_8));

    Run(OpenLoopSchedule schedule) {
      this.schedule = schedule;
      this.windowStart = start + schedule.warmup().toNanos();
      this.windowEnd = start + schedule.endNanos();
    }

    void execute() throws InterruptedException {
      Thread sampler = new Thread(this::sampleCpu, "cpu-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long total = schedule.requests();
      long nextProgress = start + 5_000_000_000L;
      for (long k = 0; k < total; k++) {
        long due = start + schedule.dueNanos(k);
        while (nextProgress <= due) {
          Drivers.sleepUntil(nextProgress);
          progress(k);
          nextProgress += 5_000_000_000L;
        }
        Drivers.sleepUntil(due);
        long request = k;
        limiter.submit(() -> send(request, due));
      }
      long deadline = System.nanoTime() + requestTimeout.toNanos() + 5_000_000_000L;
      while (completed.sum() < total && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      progress(total);
      sampler.join();
      errorSamples.forEach(s -> LOG.println("  error sample: " + s));
    }

    void send(long k, long due) {
      Query query = queries.get((int) (k % queries.size()));
      if (schedule.measured(k)) {
        sendLag.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
      }
      HttpRequest request =
          HttpRequest.newBuilder(query.uri())
              .timeout(requestTimeout)
              .header("Accept", "application/json")
              .GET()
              .build();
      try {
        client
            .sendAsync(request, handler)
            .whenComplete(
                (response, failure) -> {
                  long done = System.nanoTime();
                  limiter.release();
                  if (failure != null) {
                    fail(k, due, done, Drivers.rootCause(failure), query);
                  } else if (response.statusCode() != 200) {
                    fail(
                        k,
                        due,
                        done,
                        "HTTP " + response.statusCode(),
                        query + " " + new String(response.body(), StandardCharsets.UTF_8));
                  } else {
                    succeed(k, due, done, query, response.body().length);
                  }
                });
      } catch (RuntimeException e) {
        limiter.release();
        fail(k, due, System.nanoTime(), Drivers.rootCause(e), query);
      }
    }

    void succeed(long k, long due, long done, Query query, int bytes) {
      if (schedule.measured(k)) {
        long micros = Math.max(0, done - due) / 1000;
        latency.recordValue(micros);
        byKind.computeIfAbsent(query.kind(), x -> new ConcurrentHistogram(3)).recordValue(micros);
        okMeasured.increment();
        bytesMeasured.add(bytes);
      }
      if (done >= windowStart && done < windowEnd) {
        okInWindow.increment();
      }
      completed.increment();
    }

    void fail(long k, long due, long done, String kind, Object detail) {
      errorsAll.increment();
      if (schedule.measured(k)) {
        latency.recordValue(Math.max(0, done - due) / 1000);
        errorsMeasured.computeIfAbsent(kind, x -> new LongAdder()).increment();
      }
      if (errorSamples.size() < MAX_ERROR_SAMPLES) {
        errorSamples.add(kind + " " + detail);
      }
      completed.increment();
    }

    void progress(long sent) {
      LOG.printf(
          "  t=%5.1fs sent=%d done=%d errors=%d inFlight=%d waiting=%d; %s%n",
          (System.nanoTime() - start) / 1e9,
          sent,
          completed.sum(),
          errorsAll.sum(),
          limiter.inFlight(),
          limiter.waiting(),
          Latencies.brief(latency));
    }

    /** CPU ticks of the server, this driver and the machine over the measured window. */
    void sampleCpu() {
      try {
        Drivers.sleepUntil(windowStart);
        long t0 = System.nanoTime();
        long server0 = serverPid == null ? 0 : ProcCpu.processTicks(serverPid);
        long driver0 = ProcCpu.processTicks("self");
        long[] machine0 = ProcCpu.machineTicks();
        Drivers.sleepUntil(windowEnd);
        cpu[0] = serverPid == null ? -1 : ProcCpu.processTicks(serverPid) - server0;
        cpu[1] = ProcCpu.processTicks("self") - driver0;
        long[] machine1 = ProcCpu.machineTicks();
        cpu[2] = machine1[0] - machine0[0];
        cpu[3] = machine1[1] - machine0[1];
        cpu[4] = System.nanoTime() - t0;
        cpu[5] = 1;
      } catch (IOException e) {
        LOG.println("cannot read CPU times: " + e);
      }
    }

    double cpuPercent(long ticks) {
      return cpu[5] == 0 || ticks < 0
          ? Double.NaN
          : 100.0 * ticks / ticksPerSecond / (cpu[4] / 1e9);
    }

    Map<String, Object> result() {
      Map<String, Long> errors = new TreeMap<>();
      errorsMeasured.forEach((kind, count) -> errors.put(kind, count.sum()));
      long measured = schedule.measuredRequests();
      long accounted = okMeasured.sum() + errors.values().stream().mapToLong(Long::longValue).sum();
      if (accounted < measured) {
        errors.put("unfinished", measured - accounted);
      }
      long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
      double seconds = schedule.duration().toNanos() / 1e9;
      double achieved = okInWindow.sum() / seconds;
      double server = cpuPercent(cpu[0]);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nodes", nodes);
      m.put("targetRate", StepResult.round(schedule.ratePerSecond(), 1));
      m.put("achievedRate", StepResult.round(achieved, 1));
      m.put("measuredSeconds", StepResult.round(seconds, 1));
      m.put("measuredRequests", measured);
      m.put("ok", okMeasured.sum());
      m.put("errors", errorCount);
      m.put("errorsByKind", errors);
      m.put("latencyMs", Latencies.millis(latency));
      Map<String, Object> kinds = new TreeMap<>();
      byKind.forEach((kind, h) -> kinds.put(kind, Latencies.millis(h)));
      m.put("latencyMsByKind", kinds);
      m.put("sendLagMsP99", StepResult.round(sendLag.getValueAtPercentile(99) / 1000.0, 2));
      m.put(
          "meanResponseBytes", okMeasured.sum() == 0 ? 0 : bytesMeasured.sum() / okMeasured.sum());
      m.put("serverCpuPctOfOneCore", StepResult.round(server, 1));
      m.put(
          "serverCpuMsPerRequest",
          StepResult.round(achieved > 0 ? server * 10 / achieved : Double.NaN, 3));
      m.put("driverCpuPctOfOneCore", StepResult.round(cpuPercent(cpu[1]), 1));
      m.put(
          "machineCpuPctOfAllCores",
          StepResult.round(cpu[3] <= 0 ? Double.NaN : 100.0 * cpu[2] / cpu[3], 1));
      m.put("machine", Machine.describe());
      m.put("loadAverageBefore", loadBefore);
      m.put("goalP99Ms", goalP99.toNanos() / 1e6);
      m.put(
          "goalMet",
          errorCount == 0
              && latency.getTotalCount() > 0
              && latency.getValueAtPercentile(99) <= goalP99.toNanos() / 1000);
      LOG.printf(
          "result: %.0f/s target, %.1f/s achieved, %d errors; %s; server CPU %.1f%% of a core%n",
          schedule.ratePerSecond(), achieved, errorCount, Latencies.brief(latency), server);
      return m;
    }
  }
}
