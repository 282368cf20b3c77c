package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server restart never stops a running VM: the agent keeps it, reconnects and reports it, and the
 * server shows it RUNNING again. The test runs its own server (it has to stop it), on an H2 file of
 * its own, or on the shared PostgreSQL database.
 */
class ServerRestartIT {

  @Test
  void aVmKeepsRunningThroughAServerRestart() throws Exception {
    try (PayaraServer server =
        PayaraServer.withEnvironment(
                Integer.getInteger("hearth.it.port", 18080) + 2,
                PayaraServer.ownDatabase("restart-data"))
            .start()) {
      HearthApi api = new HearthApi(new URL(server.url() + "/"));
      Tenant tenant = Tenant.funded(api);
      try (AgentProcess agent =
          new AgentProcess(server.url(), "restart-" + System.nanoTime()).start()) {
        awaitNode(api, agent.region, "ONLINE");
        String body =
            """
            {"name":"survivor","vcpus":1,"memoryMiB":64,"diskGiB":1,"tier":"BURSTABLE",
             "runtime":"sandbox","command":"date +%%s%%N > /tmp/started; sleep 3600",
             "region":"%s"}"""
                .formatted(agent.region);
        String vmId = tenant.post("api/vms", body).json().get("id").asText();
        awaitVm(tenant, vmId, "RUNNING");
        String startedBefore = startMarker(tenant, vmId);

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
        assertEquals(startedBefore, startMarker(tenant, vmId), "the same workload, not a new one");
      }
    }
  }

  /**
   * Prints the VM's start marker through its terminal. The typed command is echoed back, so the
   * answer is recognised by digits where the command line has {@code $(...)}.
   */
  private static String startMarker(Tenant tenant, String vmId) throws Exception {
    String url = tenant.post("api/vms/" + vmId + "/terminal", "").json().get("url").asText();
    try (TerminalClient terminal = TerminalClient.connect(url)) {
      terminal.type("echo \"started-$(cat /tmp/started)-marker\"\n");
      Pattern answer = Pattern.compile("started-(\\d+)-marker");
      terminal.await(answer, Duration.ofSeconds(20));
      Matcher matcher = answer.matcher(terminal.output());
      matcher.find();
      return matcher.group(1);
    }
  }
}
