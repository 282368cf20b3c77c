package org.hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Provision latency: one tenant creates VMs one after another on a running Hearth with a local
 * agent, and times each from sending {@code POST /api/vms} to first seeing it {@code RUNNING}
 * (polling {@code GET /api/vms/{id}}). The VM's state history splits the server's part into its
 * steps. Each VM is deleted, and released, before the next, so capacity never runs out. Prints one
 * JSON line with the percentiles on standard output, progress on standard error.
 */
public final class ProvisionLatency {
  static final String USAGE =
      """
      Usage: java -cp hearth-bench.jar org.hearth.bench.ProvisionLatency [options]

        --server URL        Hearth with a node agent (default http://localhost:18480); only
                            localhost / 127.0.0.1 are accepted
        --public-url URL    the server's hearth.public-url (default: --server)
        --vms N             measured VMs (default 50)
        --warmup N          VMs created first and not measured (default 5)
        --poll DURATION     pause between polls of the VM's state (default PT0.02S); each poll
                            is a signed request the server pays for, so polling harder loads the
                            2 cores being measured
        --command CMD       the VMs' command (default "sleep 3600")
      """;
  private static final Set<String> FLAGS =
      Set.of("--server", "--public-url", "--vms", "--warmup", "--poll", "--command");
  private static final PrintStream LOG = System.err;
  private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

  /** The measured parts of a provision, in microseconds. */
  private final Map<String, Histogram> parts = new LinkedHashMap<>();

  private final HearthTenant tenant;
  private final int vms;
  private final int warmup;
  private final Duration poll;
  private final String command;

  private ProvisionLatency(Flags flags) {
    URI server = flags.server("http://localhost:18480");
    this.tenant = new HearthTenant(server, flags.publicUrl(server));
    this.vms = flags.positiveInt("--vms", 50);
    this.warmup = flags.positiveInt("--warmup", 5);
    this.poll = flags.duration("--poll", Duration.ofMillis(20));
    this.command = flags.string("--command", "sleep 3600");
    for (String part :
        new String[] {
          "requestToRunningClient",
          "postResponse",
          "requestToRunningServer",
          "requestedToScheduled",
          "scheduledToProvisioning",
          "provisioningToRunning",
          "runningToSeen"
        }) {
      parts.put(part, new Histogram(3));
    }
  }

  public static void main(String[] args) throws Exception {
    try {
      new ProvisionLatency(Flags.parse(FLAGS, args)).run();
    } catch (Options.UsageException e) {
      Drivers.usage(e, USAGE);
    }
  }

  private void run() throws Exception {
    Map<String, Object> machineAtStart = Machine.describe();
    LOG.println("machine: " + machineAtStart + "; waiting for an ONLINE node...");
    tenant.awaitOnlineNode(Duration.ofMinutes(3));
    for (int i = 0; i < warmup + vms; i++) {
      boolean measured = i >= warmup;
      provisionOnce("provision-" + i, measured);
      if (measured && (i - warmup + 1) % 10 == 0) {
        LOG.printf(
            "%d/%d: request -> RUNNING (client) %s%n",
            i - warmup + 1, vms, Latencies.brief(parts.get("requestToRunningClient")));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("scenario", "provision-latency");
    result.put("vms", vms);
    result.put("pollMs", poll.toNanos() / 1e6);
    result.put("machineAtStart", machineAtStart);
    result.put("loadAverageAtEnd", Machine.loadAverage());
    Map<String, Object> ms = new LinkedHashMap<>();
    parts.forEach((part, histogram) -> ms.put(part, Latencies.millis(histogram)));
    result.put("latencyMs", ms);
    System.out.println(HearthTenant.JSON.writeValueAsString(result));
  }

  private void provisionOnce(String name, boolean measured) throws Exception {
    String body =
        """
        {"name":"%s","vcpus":1,"memoryMiB":64,"diskGiB":1,"gpus":0,"tier":"BURSTABLE",\
        "runtime":"sandbox","command":%s}"""
            .formatted(name, HearthTenant.JSON.writeValueAsString(command));
    Instant sentAt = Instant.now();
    long sent = System.nanoTime();
    String id = tenant.createVm(body);
    long created = System.nanoTime();
    JsonNode running = tenant.awaitVm(id, "RUNNING", poll, RUNNING_TIMEOUT);
    long seen = System.nanoTime();
    Instant seenAt = Instant.now();
    if (measured) {
      StateHistory history = StateHistory.of(running);
      record("requestToRunningClient", seen - sent);
      record("postResponse", created - sent);
      record("requestToRunningServer", history.between("REQUESTED", "RUNNING"));
      record("requestedToScheduled", history.between("REQUESTED", "SCHEDULED"));
      record("scheduledToProvisioning", history.between("SCHEDULED", "PROVISIONING"));
      record("provisioningToRunning", history.between("PROVISIONING", "RUNNING"));
      // How late the client saw it: poll interval, one signed GET, clock reading.
      record("runningToSeen", Duration.between(history.at("RUNNING"), seenAt).toNanos());
      if (history.at("REQUESTED").isBefore(sentAt)) {
        throw new IllegalStateException("server clock ahead of the client's: " + running);
      }
    }
    tenant.deleteVm(id);
  }

  private void record(String part, long nanos) {
    parts.get(part).recordValue(Math.max(0, nanos / 1000));
  }

  private void record(String part, Duration duration) {
    record(part, duration.toNanos());
  }
}
