package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Micro-billing on a real server with a real agent, with the tests' billing period of 6 s: exact
 * charges per period, an offline stretch not charged, and warn → suspend → top up → resume.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

  private static final long PERIOD_SECONDS = 6;

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  private static String vm(String name, AgentProcess agent) {
    return vm(name, agent, "sleep 3600");
  }

  private static String vm(String name, AgentProcess agent, String command) {
    return """
        {"name":"%s","vcpus":1,"memoryMiB":64,"diskGiB":1,"tier":"GUARANTEED","runtime":"sandbox",
         "command":"%s","region":"%s"}"""
        .formatted(name, command, agent.region);
  }

  @Test
  void aCreditsReferenceNamesOneCredit() {
    HearthApi api = new HearthApi(base);
    Tenant admin = Tenant.admin(api);
    Tenant first = new Tenant(api);
    Tenant second = new Tenant(api);
    String reference = "promo-" + System.nanoTime();
    String credit = "{\"accountId\":\"%s\",\"amount\":%d,\"reference\":\"" + reference + "\"}";

    assertEquals(
        201, admin.post("api/admin/credits", credit.formatted(first.accountId(), 500)).status());
    HearthApi.Reply again =
        admin.post("api/admin/credits", credit.formatted(first.accountId(), 500));
    assertEquals(200, again.status(), again.toString());
    NodeRegistryIT.assertProblem(
        admin.post("api/admin/credits", credit.formatted(second.accountId(), 500)), 409);
    NodeRegistryIT.assertProblem(
        admin.post("api/admin/credits", credit.formatted(first.accountId(), 900)), 409);

    assertEquals(500, first.get("api/account/balance").json().get("available").asLong());
    assertEquals(0, second.get("api/account/balance").json().get("available").asLong());
  }

  @Test
  void aRunningVmIsBilledEachPeriodExactlyButNotWhileItsNodeIsOffline() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant operator = new Tenant(api);
    Tenant tenant = Tenant.funded(api);
    try (AgentProcess agent =
        new AgentProcess(api.url(""), "bill-" + System.nanoTime())
            .operatedBy(operator.key.publicKeyHex())
            .start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();

      HearthApi.Reply created = tenant.post("api/vms", vm("billed", agent));
      assertEquals(201, created.status(), created.toString());
      String vmId = created.json().get("id").asText();
      long price = created.json().get("pricePerHour").asLong();
      assertTrue(price > 0, created.toString());
      JsonNode held = tenant.get("api/account/balance").json();
      assertTrue(held.get("held").asLong() > 0, "the first period is held at once: " + held);
      assertEquals(Tenant.FUNDS, held.get("available").asLong() + held.get("held").asLong());

      awaitVm(tenant, vmId, "RUNNING");
      // Three periods on each side of the outage: the 2 s margins around it then still leave at
      // least one whole period before and one after, however the periods fall.
      Thread.sleep(3 * PERIOD_SECONDS * 1000);
      // Claimed while running: what the node earned so far moves to its operator.
      Charges.awaitAnySettled(tenant, vmId);
      assertEquals(200, operator.post("api/nodes/" + nodeId + "/claim", "").status());
      assertTrue(operator.get("api/operator/earnings").json().get("earned").asLong() > 0);
      Instant frozeAt = Instant.now();
      agent.freeze();
      awaitNode(api, agent.region, "OFFLINE");
      Thread.sleep(Math.max(0, 4500 - Duration.between(frozeAt, Instant.now()).toMillis()));
      agent.thaw();
      Instant thawedAt = Instant.now();
      awaitNode(api, agent.region, "ONLINE");
      assertEquals("RUNNING", tenant.get("api/vms/" + vmId).json().get("state").asText());
      Thread.sleep(3 * PERIOD_SECONDS * 1000);
      tenant.delete("api/vms/" + vmId);
      JsonNode ended = awaitVm(tenant, vmId, "TERMINATED");

      List<Charges.Period> periods = Charges.settled(tenant, vmId);
      Charges.assertExact(periods);
      Charges.assertContiguous(periods);
      Instant ranFrom = transition(ended, "RUNNING");
      Instant ranTo = transition(ended, "STOPPING");
      Instant outageFrom = frozeAt.minusSeconds(2); // its last heartbeat was before it froze
      Instant outageTo = thawedAt.plusSeconds(2);
      long untouched = 0;
      for (Charges.Period p : periods) {
        boolean full = p.seconds() == PERIOD_SECONDS;
        boolean running = !p.start().isBefore(ranFrom) && !p.end().isAfter(ranTo);
        boolean online = !p.end().isAfter(outageFrom) || !p.start().isBefore(outageTo);
        // On a loaded machine a late heartbeat may record a short outage of its own, so not
        // every such period need be whole; those billed whole cost exactly their hold.
        if (full && running && online && p.billed() == PERIOD_SECONDS) {
          assertEquals(p.held(), p.charged(), "a whole period costs its hold: " + p);
          untouched++;
        }
      }
      assertTrue(untouched >= 2, "whole periods were billed whole: " + periods);
      long ran = Duration.between(ranFrom, ranTo).toSeconds();
      long billed = Charges.sum(periods, Charges.Period::billed);
      assertTrue(billed <= ran - 3, "the outage is not billed: " + billed + " of " + ran);
      long offline = Duration.between(frozeAt, thawedAt).toSeconds();
      assertTrue(
          billed >= ran - offline - 2 - periods.size(),
          "only the outage is left out: " + billed + " of " + ran + ", " + offline + " offline");

      long charged = Charges.sum(periods, Charges.Period::charged);
      long fees = Charges.sum(periods, Charges.Period::fee);
      JsonNode balance = tenant.get("api/account/balance").json();
      assertEquals(0, balance.get("held").asLong(), balance.toString());
      assertEquals(Tenant.FUNDS - charged, balance.get("available").asLong(), balance.toString());
      JsonNode earnings = operator.get("api/operator/earnings").json();
      assertEquals(charged - fees, earnings.get("earned").asLong(), earnings.toString());
      long perDay = 0;
      for (JsonNode day : earnings.get("days")) {
        assertEquals(nodeId, day.get("nodeId").asText());
        perDay += day.get("earned").asLong();
      }
      assertEquals(charged - fees, perDay, earnings.toString());
      assertDeliveryCounted(api, nodeId, periods.size(), periods.size() - untouched);

      assertLedgerMatches(tenant, balance.get("available").asLong());
      assertTrue(
          Tenant.admin(api).get("api/admin/economics").json().get("booksBalance").asBoolean());
    }
  }

  @Test
  void aTenantIsWarnedThenSuspendedAndResumesAfterATopUp() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = new Tenant(api);
    try (AgentProcess agent = new AgentProcess(api.url(""), "broke-" + System.nanoTime()).start();
        WebhookReceiver webhook =
            new WebhookReceiver(Integer.getInteger("hearth.it.webhook.port"))) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();

      HearthApi.Reply refused = tenant.post("api/vms", vm("broke", agent));
      assertEquals(402, refused.status(), refused.toString());
      assertEquals(0, tenant.get("api/vms").json().size(), "a refused VM is not created");
      Matcher price = Pattern.compile("of (\\d+) per hour").matcher(refused.toString());
      assertTrue(price.find(), refused.toString());
      long perPeriod = Charges.ceilDiv(Long.parseLong(price.group(1)) * PERIOD_SECONDS, 3600);

      tenant.credit(2 * perPeriod + perPeriod / 2);
      // Each start of the VM adds a line to a file on its disk, which a suspension keeps.
      String countsStarts = "echo start >> /home/user/starts; exec sleep 3600";
      String vmId =
          tenant.post("api/vms", vm("broke", agent, countsStarts)).json().get("id").asText();
      awaitVm(tenant, vmId, "RUNNING");
      awaitNotices(tenant, kinds -> kinds.contains("LOW_BALANCE"));
      String account = tenant.accountId();
      webhook.await(
          body ->
              body.path("accountId").asText().equals(account)
                  && body.path("kind").asText().equals("LOW_BALANCE"),
          Duration.ofSeconds(10));
      JsonNode suspended = awaitVm(tenant, vmId, "SUSPENDED");
      assertTrue(
          suspended.get("stateReason").asText().contains("billing period"), suspended.toString());
      awaitNotices(tenant, kinds -> kinds.contains("VM_SUSPENDED"));
      assertEquals(0, api.get("api/nodes/" + nodeId).json().at("/allocated/vms").asInt());
      JsonNode broke = tenant.get("api/account/balance").json();
      assertTrue(broke.get("available").asLong() < perPeriod, broke.toString());

      tenant.credit(Tenant.FUNDS);
      HearthApi.Reply resumed = tenant.post("api/vms/" + vmId + "/resume", "");
      assertEquals(200, resumed.status(), resumed.toString());
      assertEquals(nodeId, resumed.json().get("nodeId").asText());
      awaitVm(tenant, vmId, "RUNNING");
      assertEquals(2, startsSeenInside(tenant, vmId), "resumed on the disk it had");
      awaitNotices(tenant, kinds -> !kinds.contains("LOW_BALANCE"));
      assertEquals(409, tenant.post("api/vms/" + vmId + "/resume", "").status(), "not suspended");

      tenant.delete("api/vms/" + vmId);
      awaitVm(tenant, vmId, "TERMINATED");
      Path vmDir = agent.dataDir.resolve("vms").resolve(vmId);
      for (int i = 0; i < 100 && Files.exists(vmDir); i++) {
        Thread.sleep(100);
      }
      assertFalse(Files.exists(vmDir), "a deleted VM's files are gone from its node");
      List<Charges.Period> periods = Charges.settled(tenant, vmId);
      Charges.assertExact(periods);
      JsonNode balance = tenant.get("api/account/balance").json();
      long credited = 2 * perPeriod + perPeriod / 2 + Tenant.FUNDS;
      assertEquals(
          credited - Charges.sum(periods, Charges.Period::charged),
          balance.get("available").asLong(),
          balance + " " + periods);
      assertEquals(0, balance.get("held").asLong());
    }
  }

  /**
   * How many lines the VM's start counter has, read through a terminal in the VM (once the current
   * start has written its line).
   */
  private static int startsSeenInside(Tenant tenant, String vmId) throws Exception {
    String url = tenant.post("api/vms/" + vmId + "/terminal", "").json().get("url").asText();
    try (TerminalClient terminal = TerminalClient.connect(url)) {
      terminal.type(
          "for i in 1 2 3 4 5 6 7 8 9 10; do [ \"$(wc -l < starts)\" -ge 2 ] && break; sleep 0.2;"
              + " done; echo \"starts=$(wc -l < starts).\"\n");
      Pattern starts = Pattern.compile("starts=(\\d+)\\.");
      terminal.await(starts, Duration.ofSeconds(20));
      Matcher m = starts.matcher(terminal.output());
      assertTrue(m.find(), terminal.output());
      return Integer.parseInt(m.group(1));
    }
  }

  /**
   * The node's reputation counts every settled period of the VM, and the outage among those cut
   * into: at least one, and none of the periods billed whole.
   */
  private static void assertDeliveryCounted(
      HearthApi api, String nodeId, int settled, long mostInterrupted) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    JsonNode payment = payment(api, nodeId);
    while (payment.get("inputs").get("periodsSettled").asLong() < settled
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      payment = payment(api, nodeId);
    }
    assertEquals(settled, payment.get("inputs").get("periodsSettled").asLong(), payment.toString());
    long interrupted = payment.get("inputs").get("periodsInterrupted").asLong();
    assertTrue(interrupted >= 1 && interrupted <= mostInterrupted, payment.toString());
  }

  private static JsonNode payment(HearthApi api, String nodeId) {
    HearthApi.Reply page = api.get("api/marketplace/nodes/" + nodeId);
    assertEquals(200, page.status(), page.toString());
    for (JsonNode component : page.json().get("reputationBreakdown").get("components")) {
      if (component.get("name").asText().equals("payment")) {
        return component;
      }
    }
    throw new AssertionError("no payment component: " + page);
  }

  /**
   * The tenant's ledger entries of its available balance add up to that balance, and paging through
   * them from the newest back gives the same entries.
   */
  private static void assertLedgerMatches(Tenant tenant, long available) {
    long sum = 0;
    JsonNode all = tenant.get("api/account/ledger").json();
    assertFalse(all.get("truncated").asBoolean(), all.toString());
    for (JsonNode entry : all.get("entries")) {
      if (entry.get("account").asText().equals("TENANT_AVAILABLE")) {
        sum += entry.get("amount").asLong();
      }
    }
    assertEquals(available, sum);
    List<JsonNode> paged = new ArrayList<>();
    String path = "api/account/ledger?limit=2";
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages < all.get("entries").size(), "paging ends");
      HearthApi.Reply page = tenant.get(path);
      List<JsonNode> entries = new ArrayList<>();
      page.json().get("entries").forEach(entries::add);
      paged.addAll(0, entries);
      String link = page.header("Link");
      assertEquals(page.json().get("truncated").asBoolean(), link != null, page.toString());
      path =
          link == null
              ? null
              : link.substring(link.indexOf("api/account/ledger"), link.indexOf('>'));
    }
    List<JsonNode> whole = new ArrayList<>();
    all.get("entries").forEach(whole::add);
    assertEquals(whole, paged);
    HearthApi.Reply csv = tenant.get("api/account/ledger?format=csv");
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("at,movement,account,amount,reference,key\r\n"), csv.body());
    assertTrue(csv.body().contains(",SETTLE,TENANT_HELD,-"), csv.body());
  }

  private static Instant transition(JsonNode vm, String to) {
    for (JsonNode t : vm.get("history")) {
      if (t.get("to").asText().equals(to)) {
        return Instant.parse(t.get("at").asText());
      }
    }
    throw new AssertionError("no transition to " + to + ": " + vm);
  }

  private static void awaitNotices(Tenant tenant, Predicate<List<String>> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    List<String> kinds = List.of();
    while (Instant.now().isBefore(deadline)) {
      kinds = tenant.get("api/account/notices").json().findValuesAsText("kind");
      if (done.test(kinds)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("notices not as expected: " + kinds);
  }
}
