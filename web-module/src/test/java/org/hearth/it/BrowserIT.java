package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hearth's page in a real browser (Debian's Chromium, driven by playwright-core): the marketplace
 * with its filters, a node's page with its reputation explained, the templates with search, a
 * phone-sized screen; sign-in with a key made in the browser and with an imported one; renting a
 * real agent's node, its terminal, stopping it, and the billing screen; without console errors.
 * Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  @Test
  void aVisitorFindsANodeSeesWhyItIsTrustedAndBrowsesTemplates() throws Exception {
    HearthApi api = new HearthApi(base);
    String region = "browser-" + System.nanoTime();
    String nodeId = new SimulatedNode(api).register(region).json().get("id").asText();
    // A tenant whose key the browser imports: an admin credits its account first.
    NostrKeyPair key = NostrKeyPair.generate();
    Tenant tenant = new Tenant(api, key).credit(Tenant.FUNDS);
    try (AgentProcess agent =
        new AgentProcess(api.url(""), "browser-agent-" + System.nanoTime())
            .operatedBy(key.publicKeyHex())
            .start()) {
      String agentNodeId =
          AgentEndToEndIT.awaitNode(api, agent.region, "ONLINE").get("id").asText();
      check(api, region, nodeId, key, tenant, agentNodeId, agent.region);
    }
  }

  private void check(
      HearthApi api,
      String region,
      String nodeId,
      NostrKeyPair key,
      Tenant tenant,
      String agentNodeId,
      String agentRegion)
      throws Exception {

    Path screenshots =
        Path.of(System.getProperty("hearth.war")).resolveSibling("screenshots").toAbsolutePath();
    String request =
        HearthApi.JSON
            .createObjectNode()
            .put("url", api.url(""))
            .put("region", region)
            .put("screenshots", screenshots.toString())
            .put("secret", key.secretKeyHex())
            .put("agentNode", agentNodeId)
            .put("agentRegion", agentRegion)
            .put("adminSecret", Tenant.ADMIN_SECRET)
            .put("ethersDir", System.getProperty("ethers.dir"))
            .put("nostrToolsDir", System.getProperty("nostr.tools.dir"))
            .toString();
    JsonNode seen =
        HearthApi.JSON.readTree(NodeScript.run("browser.dir", "browser-check.mjs", request));

    assertEquals(List.of(), strings(seen.get("errors")), "console errors");
    assertTrue(seen.get("title").asText().contains("Hearth"), seen.toString());
    assertTrue(seen.get("relayUrl").asText().endsWith("/relay"), seen.toString());
    assertEquals(List.of(nodeId), strings(seen.get("filtered")), "only the test's node is there");
    assertEquals("1 node", seen.get("summary").asText());
    assertEquals(
        List.of("history", "reviews", "payment", "attestation", "social"),
        strings(seen.get("components")));
    int days = api.get("api/marketplace/nodes/" + nodeId).json().get("uptimeByDay").size();
    assertTrue(days >= 1);
    assertEquals(days, seen.get("uptimeBars").asInt(), "one bar per day since it registered");
    assertTrue(seen.get("detailHeading").asText().contains(region), seen.toString());
    assertTrue(seen.get("templates").asInt() >= 10, "the seed templates: " + seen);
    assertTrue(strings(seen.get("redisTemplates")).contains("redis"), seen.toString());
    assertFalse(seen.get("phoneOverflow").asBoolean(), "no sideways scrolling on a phone");

    assertTrue(seen.get("generatedCorner").asText().startsWith("npub1"), seen.toString());
    assertEquals("Sign in", seen.get("signedOutCorner").asText());
    assertTrue(seen.get("exportedHex").asText().matches("[0-9a-f]{64}"), seen.toString());
    assertEquals(key.secretKeyHex(), seen.get("importedExport").asText(), "the imported key");
    assertEquals(tenant.accountId(), seen.get("importedAccount").asText());
    assertEquals("10 USDC", seen.get("balanceAfterSignIn").asText());
    assertTrue(seen.get("sessions").toString().contains("this one"), seen.toString());
    String vmId = seen.get("vmId").asText();
    JsonNode vm = tenant.get("api/vms/" + vmId).json();
    assertEquals(agentNodeId, vm.get("nodeId").asText(), vm.toString());
    assertEquals("browser-vm", vm.get("name").asText());
    assertEquals("RUNNING", seen.get("vmState").asText());
    String generatedAccount = seen.get("generatedAccount").asText();
    assertEquals(List.of(generatedAccount), strings(seen.get("members")), "shared on the page");
    assertTrue(
        tenant.get("api/vms/" + vmId + "/members").json().toString().contains(generatedAccount),
        "shared through the API");
    assertTrue(seen.get("terminalText").asText().contains("42"), seen.toString());
    assertTrue(strings(seen.get("vmList")).contains(vmId), seen.toString());
    assertEquals("TERMINATED", seen.get("stoppedState").asText());
    assertEquals("TERMINATED", vm.get("state").asText(), "stopped through the page: " + vm);
    assertTrue(
        strings(seen.get("history")).containsAll(List.of("running", "terminated")),
        seen.toString());
    assertTrue(seen.get("nodeReviews").toString().contains("Quick and tidy"), seen.toString());
    JsonNode review = api.get("api/marketplace/nodes/" + agentNodeId).json().at("/reviews/0");
    assertEquals(4, review.get("rating").asInt(), review.toString());
    assertEquals(vmId, review.get("vmId").asText());
    JsonNode deployed = tenant.get("api/vms/" + seen.get("templateVmId").asText()).json();
    assertEquals("shell-box", deployed.get("template").asText(), deployed.toString());
    assertEquals(agentNodeId, deployed.get("nodeId").asText(), deployed.toString());
    assertEquals("TERMINATED", seen.get("templateVmState").asText());
    assertEquals(List.of(agentNodeId), strings(seen.get("operated")), "claimed on the page");
    assertTrue(seen.get("earned").asText().endsWith("USDC"), seen.toString());
    assertTrue(seen.get("earningDays").asInt() >= 1, "the node's earnings today: " + seen);
    assertEquals(
        "Run by the browser test",
        api.get("api/marketplace/nodes/" + agentNodeId).json().get("description").asText());
    assertTrue(seen.get("ledgerRows").asInt() >= 1, "the credit at least: " + seen);
    assertTrue(seen.get("available").asText().endsWith("USDC"), seen.toString());
    String address = seen.get("walletAddress").asText();
    assertEquals(
        (address.substring(0, 6) + "…" + address.substring(38)).toLowerCase(),
        seen.get("walletCorner").asText().toLowerCase(),
        "signed in with the injected wallet");
    assertTrue(seen.get("books").asText().startsWith("The books balance"), seen.toString());
    assertTrue(seen.get("extensionCorner").asText().startsWith("npub1"), seen.toString());
    for (String screen :
        List.of(
            "marketplace",
            "marketplace-filtered",
            "node",
            "templates",
            "marketplace-phone",
            "signin",
            "account",
            "rent",
            "vm-running",
            "terminal",
            "vms",
            "vm-stopped",
            "deploy",
            "billing",
            "vm-phone",
            "operator",
            "admin",
            "signin-ethereum",
            "signin-nostr-extension")) {
      assertTrue(screenshots.resolve(screen + ".png").toFile().length() > 1000, screen);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
