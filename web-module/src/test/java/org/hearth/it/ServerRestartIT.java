package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server restart never stops a running VM: the agent keeps it, reconnects and reports it, and the
 * server shows it RUNNING again. The test runs its own server (it has to stop it), on an H2 file of
 * its own, or on the shared PostgreSQL database.
 */
class ServerRestartIT {

  @Test
  void aVmKeepsRunningThroughAServerRestart() throws Exception {
    Map<String, String> env = new HashMap<>();
    if (!System.getenv("HEARTH_DB_URL").startsWith("jdbc:postgresql:")) {
      Path data = Path.of(System.getProperty("hearth.war")).resolveSibling("restart-data");
      env.put(
          "HEARTH_DB_URL",
          "jdbc:h2:file:"
              + data.resolve("hearth")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
    try (PayaraServer server = PayaraServer.withEnvironment(18082, env).start()) {
      HearthApi api = new HearthApi(new URL(server.url() + "/"));
      Tenant tenant = new Tenant(api);
      try (AgentProcess agent =
          new AgentProcess(server.url(), "restart-" + System.nanoTime()).start()) {
        awaitNode(api, agent.region, "ONLINE");
        String body =
            """
            {"name":"survivor","vcpus":1,"memoryMiB":64,"diskGiB":1,"tier":"BURSTABLE",
             "runtime":"sandbox","command":"date +%s%N > /tmp/started; sleep 3600"}""";
        String vmId = tenant.post("api/vms", body).json().get("id").asText();
        awaitVm(tenant, vmId, "RUNNING");
        String startedBefore = read(tenant, vmId, "cat /tmp/started");

        server.stop();
        Thread.sleep(2000);
        server.start();
        Instant restarted = Instant.now();

        // The node stays ONLINE through the startup grace; its agent is back once it heartbeats.
        awaitNode(
            api,
            agent.region,
            "ONLINE",
            node -> Instant.parse(node.get("lastHeartbeatAt").asText()).isAfter(restarted));
        assertEquals("RUNNING", awaitVm(tenant, vmId, "RUNNING").get("state").asText());
        assertEquals(
            startedBefore,
            read(tenant, vmId, "cat /tmp/started"),
            "the same workload, not a new one");
      }
    }
  }

  /** Runs a command in the VM's terminal and returns the line it printed. */
  private static String read(Tenant tenant, String vmId, String command) throws Exception {
    String url = tenant.post("api/vms/" + vmId + "/terminal", "").json().get("url").asText();
    try (TerminalClient terminal = TerminalClient.connect(url)) {
      terminal.type(command + "; echo END-OF-OUTPUT\n");
      terminal.await("END-OF-OUTPUT\r\n", Duration.ofSeconds(20));
      String output = terminal.output();
      String beforeEnd = output.substring(0, output.lastIndexOf("END-OF-OUTPUT\r\n"));
      String[] lines = beforeEnd.trim().split("\r\n");
      return lines[lines.length - 1].trim();
    }
  }
}
