package org.hearth.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Terminal throughput and keystroke echo through Hearth's relay (client ⇄ server ⇄ agent ⇄ PTY in a
 * VM). One tenant creates a VM on a running Hearth with a local agent and opens a terminal in it.
 * Echo, on a first terminal: with the terminal raw and {@code cat} copying input to output, the
 * client sends one byte and times its return, one at a time. Throughput, on a second terminal: the
 * shell writes a file of {@code --mib} MiB, then {@code cat}s it, and the client times the bytes
 * until a marker printed after it. Prints one JSON line on standard output, progress on standard
 * error.
 */
public final class TerminalBench {
  static final String USAGE =
      """
      Usage: java -cp hearth-bench.jar org.hearth.bench.TerminalBench [options]

        --server URL           Hearth with a node agent (default http://localhost:18480); only
                               localhost / 127.0.0.1 are accepted
        --public-url URL       the server's hearth.public-url (default: --server)
        --mib N                size of the file cat prints (default 128)
        --throughput-runs N    measured cats of the file, after one warm-up cat (default 3)
        --echo-warmup N        keystrokes echoed first and not measured (default 500)
        --echo-samples N       measured keystrokes (default 2000)
        --server-pid PID       the server JVM, to report its CPU per MiB relayed
        --agent-pid PID        the agent JVM, likewise
      """;
  private static final Set<String> FLAGS =
      Set.of(
          "--server",
          "--public-url",
          "--mib",
          "--throughput-runs",
          "--echo-warmup",
          "--echo-samples",
          "--server-pid",
          "--agent-pid");
  private static final PrintStream LOG = System.err;
  private static final String FILE = "~/hearth-bench.dat";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private final HearthTenant tenant;
  private final int mib;
  private final int throughputRuns;
  private final int echoWarmup;
  private final int echoSamples;
  private final Map<String, String> pids = new LinkedHashMap<>();
  private final long ticksPerSecond = ProcCpu.ticksPerSecond();
  private int markers;

  private TerminalBench(Flags flags) {
    URI server = flags.server("http://localhost:18480");
    this.tenant = new HearthTenant(server, flags.publicUrl(server));
    this.mib = flags.positiveInt("--mib", 128);
    this.throughputRuns = flags.positiveInt("--throughput-runs", 3);
    this.echoWarmup = flags.positiveInt("--echo-warmup", 500);
    this.echoSamples = flags.positiveInt("--echo-samples", 2000);
    pids.put("server", flags.string("--server-pid", null));
    pids.put("agent", flags.string("--agent-pid", null));
    pids.put("driver", "self");
    pids.values().removeIf(pid -> pid == null);
  }

  public static void main(String[] args) throws Exception {
    try {
      new TerminalBench(Flags.parse(FLAGS, args)).run();
    } catch (Options.UsageException e) {
      Drivers.usage(e, USAGE);
    }
    System.exit(0); // the WebSocket client's threads would keep the JVM alive
  }

  private void run() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("scenario", "terminal");
    result.put("machineAtStart", Machine.describe());
    LOG.println("machine: " + result.get("machineAtStart") + "; waiting for an ONLINE node...");
    tenant.awaitOnlineNode(Duration.ofMinutes(3));
    String vmId =
        tenant.createVm(
            """
            {"name":"terminal-bench","vcpus":1,"memoryMiB":256,"diskGiB":1,"gpus":0,\
            "tier":"BURSTABLE","runtime":"sandbox","command":"sleep 3600"}""");
    tenant.awaitVm(vmId, "RUNNING", Duration.ofMillis(50), Duration.ofSeconds(60));
    // Echo first, on its own terminal, so the garbage of the throughput runs does not pause it.
    try (TerminalSocket terminal = openTerminal(vmId)) {
      result.put("echo", echo(terminal));
    }
    try (TerminalSocket terminal = openTerminal(vmId)) {
      run(terminal, "head -c " + mib + "M /dev/zero | tr '\\0' x > " + FILE);
      result.put("throughput", throughput(terminal));
    } finally {
      tenant.deleteVm(vmId);
    }
    result.put("loadAverageAtEnd", Machine.loadAverage());
    System.out.println(HearthTenant.JSON.writeValueAsString(result));
  }

  private TerminalSocket openTerminal(String vmId) throws Exception {
    return TerminalSocket.connect(
        tenant.post("/api/vms/" + vmId + "/terminal", "").get("url").asText());
  }

  private Map<String, Object> throughput(TerminalSocket terminal) throws Exception {
    List<Map<String, Object>> runs = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i <= throughputRuns; i++) {
      Map<String, Long> cpuBefore = cpuTicks();
      long bytesBefore = terminal.bytesReceived();
      long framesBefore = terminal.framesReceived();
      long start = System.nanoTime();
      long end = run(terminal, "cat " + FILE);
      double seconds = (end - start) / 1e9;
      long bytes = terminal.bytesReceived() - bytesBefore;
      long frames = terminal.framesReceived() - framesBefore;
      double mbPerSecond = bytes / 1e6 / seconds;
      LOG.printf(
          "%s cat: %d bytes in %.2f s = %.1f MB/s, %d frames (%.0f bytes each)%n",
          i == 0 ? "warm-up" : "run " + i,
          bytes,
          seconds,
          mbPerSecond,
          frames,
          (double) bytes / frames);
      if (i == 0) {
        continue;
      }
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("bytes", bytes);
      run.put("seconds", round(seconds));
      run.put("mbPerSecond", round(mbPerSecond));
      run.put("framesToClient", frames);
      run.put("cpuMsPerMiB", cpuMsPer(cpuBefore, bytes / 1048576.0));
      runs.add(run);
      rates.add(mbPerSecond);
    }
    rates.sort(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mib", mib);
    m.put("mbPerSecondMedian", round(rates.get(rates.size() / 2)));
    m.put("mbPerSecondMin", round(rates.get(0)));
    m.put("mbPerSecondMax", round(rates.get(rates.size() - 1)));
    m.put("runs", runs);
    return m;
  }

  /**
   * With the terminal raw and without its own echo, {@code cat} returns every byte as it reads it,
   * as a shell's line editor does with a keystroke.
   */
  private Map<String, Object> echo(TerminalSocket terminal) throws Exception {
    run(terminal, "stty raw -echo", "; cat");
    Histogram micros = new Histogram(3);
    Map<String, Long> cpuBefore = null;
    for (int i = 0; i < echoWarmup + echoSamples; i++) {
      if (i == echoWarmup) {
        cpuBefore = cpuTicks();
      }
      byte[] key = {(byte) ('a' + i % 26)};
      var back = terminal.expect(key);
      long sent = System.nanoTime();
      terminal.type(key);
      long echoed = back.get(5, TimeUnit.SECONDS);
      if (i >= echoWarmup) {
        micros.recordValue((echoed - sent) / 1000);
      }
    }
    LOG.println("echo: " + Latencies.brief(micros));
    Map<String, Object> m = Latencies.millis(micros);
    m.put("cpuMsPerKeystroke", cpuMsPer(cpuBefore, echoSamples));
    return m;
  }

  private long run(TerminalSocket terminal, String command) throws Exception {
    return run(terminal, command, "");
  }

  /**
   * Types {@code command}, then a command printing a fresh marker, then {@code then}, and waits
   * until the marker is printed. The marker is computed by the shell, so the terminal's echo of the
   * typed line does not contain it.
   *
   * @return {@link System#nanoTime()} when the marker arrived
   */
  private long run(TerminalSocket terminal, String command, String then) throws Exception {
    int n = 1000 + ++markers;
    var done = terminal.expect("@@" + n + "@@");
    terminal.type(command + "; echo @@$((" + n + "))@@" + then + "\n");
    return done.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** CPU time so far of each measured process, in clock ticks. */
  private Map<String, Long> cpuTicks() throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (var process : pids.entrySet()) {
      ticks.put(process.getKey(), ProcCpu.processTicks(process.getValue()));
    }
    return ticks;
  }

  /** CPU time each measured process used since {@code before}, in ms per unit of work. */
  private Map<String, Object> cpuMsPer(Map<String, Long> before, double units) throws IOException {
    Map<String, Object> perUnit = new LinkedHashMap<>();
    cpuTicks()
        .forEach(
            (process, ticks) ->
                perUnit.put(
                    process,
                    round((ticks - before.get(process)) * 1000.0 / ticksPerSecond / units)));
    return perUnit;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
