package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
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
import org.web3j.crypto.Keys;

/**
 * Hearth's page in a real browser (Debian's Chromium, driven by playwright-core): the marketplace
 * with its filters, a node's page with its reputation explained, the templates with search, a
 * phone-sized screen; sign-in with a key made in the browser, an imported one, a wallet and a Nostr
 * extension, and linking a second key; renting a real agent's node, its terminal, its charges
 * pushed as billing periods pass, stopping it, and the billing screen; the operator editing the
 * node's listing; deposits on a real chain through the billing screen's QR code; without console
 * errors. Screenshots go to {@code target/screenshots}.
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

    Path screenshots = screenshots();
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
    assertTrue(usdc(seen.get("vmCharged").asText()) > 0, "a settled charge, pushed: " + seen);
    assertTrue(usdc(seen.get("availableWhileRunning").asText()) < 10, seen.toString());
    assertTrue(
        usdc(seen.get("availableLater").asText()) < 10
            && !seen.get("availableLater").equals(seen.get("availableWhileRunning")),
        "the balance moved on the billing screen while the VM ran: " + seen);
    assertTrue(seen.get("depositsOff").asText().contains("Deposits are off"), seen.toString());
    assertFalse(seen.get("billingPhoneOverflow").asBoolean(), "billing on a phone: " + seen);
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
    JsonNode edited = api.get("api/marketplace/nodes/" + agentNodeId).json();
    assertEquals("Run by the browser test", edited.get("description").asText());
    String editedRegion = agentRegion + "-edited";
    assertEquals(editedRegion, edited.get("region").asText(), edited.toString());
    assertEquals(7, edited.at("/priceList/perPointHour").asInt(), edited.toString());
    assertEquals(
        List.of("browser-test", "fast"),
        strings(edited.get("tags")),
        "the refused edit changed nothing");
    JsonNode card = seen.get("savedCard");
    assertEquals(editedRegion, card.get("region").asText(), card.toString());
    assertTrue(
        strings(card.get("tags")).containsAll(List.of("browser-test", "fast")), seen.toString());
    assertEquals("0.000007 USDC per point-hour", card.get("price").asText());
    JsonNode refused = seen.get("listingProblem");
    assertFalse(refused.get("title").asText().isBlank(), refused.toString());
    assertTrue(refused.get("detail").asText().contains("tags"), refused.toString());
    JsonNode detail = seen.get("editedDetail");
    assertTrue(detail.get("heading").asText().contains(editedRegion), detail.toString());
    assertTrue(strings(detail.get("tags")).contains("fast"), detail.toString());
    assertEquals("0.000007 USDC per point-hour", detail.get("price").asText());
    assertEquals(List.of(agentNodeId), strings(seen.get("foundByEditedRegion")));
    assertTrue(seen.get("ledgerRows").asInt() >= 1, "the credit at least: " + seen);
    assertTrue(seen.get("available").asText().endsWith("USDC"), seen.toString());
    String address = seen.get("walletAddress").asText();
    assertEquals(
        (address.substring(0, 6) + "…" + address.substring(38)).toLowerCase(),
        seen.get("walletCorner").asText().toLowerCase(),
        "signed in with the injected wallet");
    assertTrue(seen.get("books").asText().startsWith("The books balance"), seen.toString());
    assertTrue(seen.get("extensionCorner").asText().startsWith("npub1"), seen.toString());
    assertEquals(List.of("ETHEREUM", "NOSTR"), strings(seen.get("walletAccountKeys")), "linked");
    assertEquals(
        seen.get("walletAccount").asText(),
        seen.get("secondKeyAccount").asText(),
        "the linked key signs in to the wallet's account");
    assertEquals(
        List.of(seen.get("extensionPubkey").asText(), seen.get("secondWalletAddress").asText())
            .stream()
            .map(String::toLowerCase)
            .toList(),
        strings(seen.get("extensionAccountKeys")).stream().map(String::toLowerCase).toList(),
        "the extension's account linked a wallet");
    assertTrue(
        seen.get("linkTakenProblem").asText().toLowerCase().contains("another account"),
        "a key of another account is refused: " + seen);
    assertEquals(
        List.of(seen.get("extensionPubkey").asText()),
        strings(seen.get("keysAfterUnlink")),
        "the wallet unlinked: " + seen);
    assertEquals(0, seen.get("unlinkButtonsLeft").asInt(), "the last key cannot be unlinked");
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
            "vm-charged",
            "billing-running",
            "billing-phone",
            "vms",
            "vm-stopped",
            "deploy",
            "billing",
            "vm-phone",
            "operator",
            "operator-invalid",
            "node-edited",
            "admin",
            "signin-ethereum",
            "account-linked",
            "signin-nostr-extension",
            "account-link-refused")) {
      assertTrue(screenshots.resolve(screen + ".png").toFile().length() > 1000, screen);
    }
  }

  @Test
  void aTenantDepositsByPayingTheBillingScreensQrCode() throws Exception {
    try (ChainServer hearth = ChainServer.start("browser-chain", 5)) {
      Ethers wallet = new Ethers();
      hearth.chain.sendEth(wallet.address, BigInteger.TEN.pow(18));
      hearth.chain.mint(wallet.address, 5_000_000);
      String request =
          HearthApi.JSON
              .createObjectNode()
              .put("url", hearth.api.url(""))
              .put("screenshots", screenshots().toString())
              .put("ethersDir", System.getProperty("ethers.dir"))
              .put("privateKey", wallet.privateKey)
              .put("rpcUrl", hearth.chain.rpcUrl())
              .put("amount", 2_000_000)
              .toString();
      JsonNode seen =
          HearthApi.JSON.readTree(NodeScript.run("browser.dir", "deposit-check.mjs", request));

      assertEquals(List.of(), strings(seen.get("errors")), "console errors");
      String platform = Keys.toChecksumAddress(hearth.platform);
      String token = Keys.toChecksumAddress(hearth.chain.token);
      assertEquals(
          "ethereum:" + token + "@" + TestChain.CHAIN_ID + "/transfer?address=" + platform,
          seen.get("qr").asText(),
          "the QR code, read off the screen, is the EIP-681 transfer to Hearth");
      assertEquals(platform, seen.get("address").asText());
      assertEquals(platform, seen.get("copied").asText(), "the copy button's clipboard");
      assertEquals(token, seen.get("token").asText());
      assertEquals(String.valueOf(TestChain.CHAIN_ID), seen.get("chainId").asText());
      assertEquals("2", seen.get("confirmations").asText());
      assertEquals(
          Keys.toChecksumAddress(wallet.address), seen.get("from").asText(), "the linked wallet");
      assertFalse(seen.get("phoneOverflow").asBoolean(), "deposit on a phone: " + seen);
      assertEquals("2 USDC", seen.get("availableAfterDeposit").asText(), "paid as the code says");
      for (String screen :
          List.of("billing-deposit", "billing-deposit-phone", "billing-deposited")) {
        assertTrue(screenshots().resolve(screen + ".png").toFile().length() > 1000, screen);
      }
    }
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("hearth.war")).resolveSibling("screenshots").toAbsolutePath();
  }

  /** An amount as the page shows it ("9.98 USDC"), in USDC. */
  private static double usdc(String shown) {
    return Double.parseDouble(shown.replace(" USDC", "").replace(",", ""));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
