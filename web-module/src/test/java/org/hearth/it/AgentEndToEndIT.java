package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real node agent process runs real sandboxed workloads for a real server: placement, terminals,
 * out-of-memory, deletion, an agent crash and its return.
 */
@ExtendWith(ArquillianExtension.class)
class AgentEndToEndIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  /** A VM for the test's own agent: its region keeps other tests' nodes out. */
  private static String vm(String name, long memoryMiB, String command, AgentProcess agent) {
    return """
        {"name":"%s","vcpus":1,"memoryMiB":%d,"diskGiB":1,"tier":"BURSTABLE","runtime":"sandbox",
         "command":"%s","region":"%s"}"""
        .formatted(name, memoryMiB, command, agent.region);
  }

  @Test
  void aVmRunsOnARealAgentWithATerminalAndEndsCleanly() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    try (AgentProcess agent = new AgentProcess(api.url(""), "e2e-" + System.nanoTime()).start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();

      String vmId =
          tenant.post("api/vms", vm("shell", 64, "sleep 3600", agent)).json().get("id").asText();
      JsonNode running = awaitVm(tenant, vmId, "RUNNING");
      assertEquals(nodeId, running.get("nodeId").asText());

      JsonNode ticket = tenant.post("api/vms/" + vmId + "/terminal", "").json();
      try (TerminalClient terminal = TerminalClient.connect(ticket.get("url").asText())) {
        terminal.type("echo $((6*7)); echo kept-across > /home/user/note\n");
        terminal.await("42", Duration.ofSeconds(20));
        terminal.resize(120, 40);
        terminal.type("stty size\n");
        terminal.await("40 120", Duration.ofSeconds(20));
      }
      TerminalClient replay = TerminalClient.connect(ticket.get("url").asText());
      assertEquals(1008, replay.closed.get(10, TimeUnit.SECONDS), "a used ticket opens nothing");

      JsonNode restarting = tenant.post("api/vms/" + vmId + "/restart", "").json();
      assertEquals("PROVISIONING", restarting.get("state").asText(), restarting.toString());
      awaitVm(tenant, vmId, "RUNNING");
      Thread.sleep(2000);
      JsonNode restarted = tenant.get("api/vms/" + vmId).json();
      assertEquals(
          "RUNNING",
          restarted.get("state").asText(),
          "still running after a restart: " + restarted);
      String again = tenant.post("api/vms/" + vmId + "/terminal", "").json().get("url").asText();
      try (TerminalClient terminal = TerminalClient.connect(again)) {
        terminal.type("cat /home/user/note\n");
        terminal.await("kept-across", Duration.ofSeconds(20));
      }

      assertTerminalsCloseWhenTheirSessionOrMembershipEnds(api, tenant, vmId);

      String hogId =
          tenant
              .post("api/vms", vm("hog", 32, "head -c 512m /dev/zero | tail", agent))
              .json()
              .get("id")
              .asText();
      JsonNode hog = awaitVm(tenant, hogId, "FAILED");
      assertTrue(hog.get("stateReason").asText().contains("out of memory"), hog.toString());

      JsonNode deleted = tenant.delete("api/vms/" + vmId).json();
      assertTrue(deleted.get("state").asText().matches("STOPPING|TERMINATED"));
      awaitVm(tenant, vmId, "TERMINATED");
      JsonNode node = api.get("api/nodes/" + nodeId).json();
      assertEquals(0, node.at("/allocated/vms").asInt(), node.toString());
      assertEquals(0, node.at("/allocated/coreShares").asLong());
      assertEquals(1, node.get("successfulCompletions").asLong());
    }
  }

  /**
   * A member opens terminals with a session and with a signed request: revoking the session closes
   * the first at once, and removing the membership closes the second. A ticket issued before either
   * no longer opens a terminal.
   */
  private static void assertTerminalsCloseWhenTheirSessionOrMembershipEnds(
      HearthApi api, Tenant owner, String vmId) throws Exception {
    SignIns signIns = new SignIns(api);
    Tenant member = Tenant.funded(api);
    JsonNode session = signIns.withNostr(member.key);
    String token = session.get("token").asText();
    String memberId = session.at("/account/id").asText();
    assertEquals(204, owner.put("api/vms/" + vmId + "/members/" + memberId).status());

    String terminalPath = "api/vms/" + vmId + "/terminal";
    String url = terminalUrl(signIns.bearer("POST", terminalPath, "", token));
    String unusedTicket = terminalUrl(signIns.bearer("POST", terminalPath, "", token));
    try (TerminalClient terminal = TerminalClient.connect(url)) {
      terminal.type("echo $((6*70))\n");
      terminal.await("420", Duration.ofSeconds(20));
      String sessionPath = "api/auth/sessions/" + session.get("id").asText();
      assertEquals(204, signIns.bearer("DELETE", sessionPath, null, token).status());
      terminal.closed.get(5, TimeUnit.SECONDS);
      assertTrue(
          terminal.controlMessages.toString().contains("revoked"),
          terminal.controlMessages.toString());
    }
    assertEquals(401, signIns.bearer("GET", "api/account", null, token).status());
    assertRefused(unusedTicket, "a ticket of a revoked session");

    String signedUrl = terminalUrl(member.post(terminalPath, ""));
    String unusedSignedTicket = terminalUrl(member.post(terminalPath, ""));
    try (TerminalClient terminal = TerminalClient.connect(signedUrl)) {
      terminal.type("echo $((6*71))\n");
      terminal.await("426", Duration.ofSeconds(20));
      assertEquals(204, owner.delete("api/vms/" + vmId + "/members/" + memberId).status());
      terminal.closed.get(5, TimeUnit.SECONDS);
      assertTrue(
          terminal.controlMessages.toString().contains("no longer a member"),
          terminal.controlMessages.toString());
    }
    assertRefused(unusedSignedTicket, "a ticket of a member removed since");
  }

  private static String terminalUrl(HearthApi.Reply issued) {
    assertEquals(200, issued.status(), issued.body());
    return issued.json().get("url").asText();
  }

  private static void assertRefused(String terminalUrl, String what) throws Exception {
    try (TerminalClient terminal = TerminalClient.connect(terminalUrl)) {
      assertEquals(1008, terminal.closed.get(5, TimeUnit.SECONDS), what + " is refused");
    }
  }

  @Test
  void vmsOfACrashedAgentAreLostAndTheAgentComesBack() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    try (AgentProcess agent = new AgentProcess(api.url(""), "crash-" + System.nanoTime()).start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();
      String vmId =
          tenant.post("api/vms", vm("doomed", 64, "sleep 3600", agent)).json().get("id").asText();
      awaitVm(tenant, vmId, "RUNNING");

      agent.kill();
      awaitNode(api, agent.region, "OFFLINE");
      JsonNode lost = awaitVm(tenant, vmId, "LOST");
      assertTrue(lost.get("stateReason").asText().contains("offline"), lost.toString());
      assertEquals(0, api.get("api/nodes/" + nodeId).json().at("/allocated/vms").asInt());

      agent.start();
      awaitNode(api, agent.region, "ONLINE");
      String again =
          tenant.post("api/vms", vm("again", 64, "sleep 3600", agent)).json().get("id").asText();
      assertEquals(nodeId, awaitVm(tenant, again, "RUNNING").get("nodeId").asText());
      tenant.delete("api/vms/" + again);
      awaitVm(tenant, again, "TERMINATED");
    }
  }

  static JsonNode awaitNode(HearthApi api, String region, String status)
      throws InterruptedException {
    return awaitNode(api, region, status, node -> true);
  }

  static JsonNode awaitNode(HearthApi api, String region, String status, Predicate<JsonNode> also)
      throws InterruptedException {
    return await(
        () -> api.get("api/nodes?region=" + region).json().at("/items/0"),
        node -> status.equals(node.path("status").asText()) && also.test(node),
        "node in " + region + " " + status);
  }

  static JsonNode awaitVm(Tenant tenant, String vmId, String state) throws InterruptedException {
    return await(
        () -> tenant.get("api/vms/" + vmId).json(),
        vm -> {
          String now = vm.path("state").asText();
          if (!now.equals(state)
              && (now.equals("FAILED") || now.equals("LOST") || now.equals("TERMINATED"))) {
            throw new AssertionError("VM ended " + now + " while waiting for " + state + ": " + vm);
          }
          return now.equals(state);
        },
        "VM " + vmId + " " + state);
  }

  private static JsonNode await(
      java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = read.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what + "; last: " + last);
  }
}
