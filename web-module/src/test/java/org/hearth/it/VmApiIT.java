package org.hearth.it;

import static org.hearth.it.NodeRegistryIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The VM API and the scheduler on a real server, with simulated (heartbeating) nodes. */
@ExtendWith(ArquillianExtension.class)
class VmApiIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  private static String vm(String name, String tier, int vcpus, long memoryMiB, String region) {
    return """
        {"name":"%s","vcpus":%d,"memoryMiB":%d,"diskGiB":1,"tier":"%s","runtime":"sandbox",
         "command":"sleep 600","env":{"GREETING":"hello"},"region":"%s"}"""
        .formatted(name, vcpus, memoryMiB, tier, region);
  }

  @Test
  void aVmIsPlacedOnAFittingNodeAndOnlyItsOwnerSeesIt() {
    HearthApi api = new HearthApi(base);
    String region = "vm-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId =
        node.registerWith(node.registration(region, 4, 8192, "")).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant owner = Tenant.funded(api);
      Tenant stranger = Tenant.funded(api);

      HearthApi.Reply created = owner.post("api/vms", vm("web-1", "STANDARD", 3, 1024, region));

      assertEquals(201, created.status(), created.toString());
      JsonNode vm = created.json();
      String id = vm.get("id").asText();
      assertEquals("SCHEDULED", vm.get("state").asText());
      assertEquals(nodeId, vm.get("nodeId").asText());
      // compute ⌈3 vCPUs × 1000 points × 12 × 0.6667⌉ = 24002, memory 1 GiB × 3000, disk 1 × 50
      assertEquals(24_002 + 3_000 + 50, vm.get("pricePerHour").asLong());
      assertEquals("REQUESTED", vm.at("/history/0/to").asText());
      assertEquals("SCHEDULED", vm.at("/history/1/to").asText());
      assertEquals("hello", vm.at("/env/GREETING").asText());
      JsonNode allocated = api.get("api/nodes/" + nodeId).json().get("allocated");
      assertEquals(24, allocated.get("coreShares").asLong()); // 3 vCPUs at 1.5:1 = 2 cores
      assertEquals(1024, allocated.get("memoryMiB").asLong());

      assertEquals(id, owner.get("api/vms").json().get(0).get("id").asText());
      assertEquals(200, owner.get("api/vms/" + id).status());
      assertProblem(stranger.get("api/vms/" + id), 404);
      assertProblem(stranger.delete("api/vms/" + id), 404);
      assertProblem(stranger.post("api/vms/" + id + "/terminal", ""), 404);
      assertEquals(0, stranger.get("api/vms").json().size());

      JsonNode deleted = owner.delete("api/vms/" + id).json();
      assertEquals("STOPPING", deleted.get("state").asText());
    }
  }

  /** Requests whose every field is valid but that are larger than what a VM's row can hold. */
  @Test
  void aRequestWithinTheFieldLimitsIsNeverA500() {
    HearthApi api = new HearthApi(base);
    String region = "limits-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId = node.registerWith(node.registration(region)).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant tenant = Tenant.funded(api);
      String tags =
          IntStream.range(0, 16)
              .mapToObj(i -> "\"" + (char) ('a' + i) + "t".repeat(63) + "\"")
              .collect(Collectors.joining(","));
      String plain = vm("tagged", "STANDARD", 1, 256, region);
      String manyTags = plain.substring(0, plain.lastIndexOf('}')) + ",\"tags\":[" + tags + "]}";

      HearthApi.Reply failed = tenant.post("api/vms", manyTags);

      assertEquals(201, failed.status(), failed.toString());
      assertEquals("FAILED", failed.json().get("state").asText());
      String reason = failed.json().get("stateReason").asText();
      assertTrue(reason.contains("missing tags") && reason.length() <= 1000, reason);

      String value = "\"" + "x".repeat(4096) + "\"";
      String largeEnv =
          vm("large-env", "STANDARD", 1, 256, region)
              .replace(
                  "\"env\":{\"GREETING\":\"hello\"}",
                  "\"env\":{\"A\":%s,\"B\":%s,\"C\":%s,\"D\":%s}"
                      .formatted(value, value, value, value));
      assertProblem(tenant.post("api/vms", largeEnv), 400);
      assertEquals(1, tenant.get("api/vms").json().size(), "no VM for the refused request");
    }
  }

  @Test
  void anOwnerSharesAVmWithAMemberWhoMayViewItButNotDeleteOrRestartIt() {
    HearthApi api = new HearthApi(base);
    String region = "members-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId = node.registerWith(node.registration(region)).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant owner = Tenant.funded(api);
      Tenant member = Tenant.funded(api);
      Tenant stranger = Tenant.funded(api);
      String id =
          owner.post("api/vms", vm("shared", "STANDARD", 1, 256, region)).json().get("id").asText();
      String memberId = member.accountId();
      String members = "api/vms/" + id + "/members/";

      assertProblem(member.get("api/vms/" + id), 404);
      assertEquals(204, owner.put(members + memberId).status());
      assertEquals(204, owner.put(members + memberId).status(), "adding again changes nothing");
      assertEquals(
          owner.accountId(), member.get("api/vms/" + id).json().get("ownerAccountId").asText());
      assertEquals(id, member.get("api/vms").json().get(0).get("id").asText());
      assertEquals(
          memberId,
          owner.get("api/vms/" + id + "/members").json().get(0).get("accountId").asText());
      assertProblem(member.delete("api/vms/" + id), 403);
      assertProblem(member.post("api/vms/" + id + "/restart", ""), 403);
      assertProblem(member.put(members + stranger.accountId()), 403);
      assertProblem(member.post("api/vms/" + id + "/terminal", ""), 409); // not running yet
      assertProblem(stranger.get("api/vms/" + id), 404);
      assertProblem(stranger.put(members + stranger.accountId()), 404);
      assertProblem(owner.put(members + "00000000-0000-0000-0000-000000000000"), 404);
      assertProblem(owner.put(members + "not-an-account"), 400);

      assertEquals(204, owner.delete(members + memberId).status());
      assertProblem(member.get("api/vms/" + id), 404);
      assertEquals("STOPPING", owner.delete("api/vms/" + id).json().get("state").asText());
    }
  }

  @Test
  void eachChangeOfMyVmsIsPushedToMyEventStreamsAndToNoOneElses() throws Exception {
    HearthApi api = new HearthApi(base);
    String region = "pushed-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId = node.registerWith(node.registration(region)).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant owner = Tenant.funded(api);
      Tenant stranger = Tenant.funded(api);
      try (VmEventStream mine = new VmEventStream(api, owner);
          VmEventStream theirs = new VmEventStream(api, stranger)) {
        String id = placeAndStop(owner, "pushed", region, nodeId, mine);
        assertTrue(
            theirs.events().stream().noneMatch(e -> id.equals(e.get("id").asText())),
            "another tenant hears nothing of my VM: " + theirs.events());
      }
    }
  }

  @Test
  void aStreamWhoseClientWentAwayIsDropped() throws Exception {
    HearthApi api = new HearthApi(base);
    try (VmEventStream stream = new VmEventStream(api, Tenant.funded(api))) {
      assertTrue(openStreams(api) >= 1, "the open stream is counted");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (openStreams(api) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(0, openStreams(api), "a keep-alive found every stream closed and dropped it");
  }

  @Test
  void aStreamEndsWithTheSessionItWasOpenedIn() throws Exception {
    HearthApi api = new HearthApi(base);
    SignIns signIns = new SignIns(api);
    JsonNode session = signIns.withNostr(NostrKeyPair.generate());
    String token = session.get("token").asText();
    try (VmEventStream stream = new VmEventStream(api, "Bearer " + token)) {
      assertFalse(stream.endsWithin(Duration.ofMillis(500)), "open while the session is");
      String sessionPath = "api/auth/sessions/" + session.get("id").asText();
      assertEquals(204, signIns.bearer("DELETE", sessionPath, null, token).status());
      assertTrue(stream.endsWithin(Duration.ofSeconds(5)), "ended with its session");
    }
  }

  /** The gauge {@code hearth.vm.event-streams}. */
  private static int openStreams(HearthApi api) {
    String metrics = api.get("../metrics").body();
    Matcher gauge =
        Pattern.compile("^hearth_vm_event_streams\\{[^}]*} ([0-9.]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertTrue(gauge.find(), "no gauge hearth.vm.event-streams");
    return (int) Double.parseDouble(gauge.group(1));
  }

  /**
   * On PostgreSQL a second server shares the database: a tenant's stream open there hears of the
   * changes of a VM made through the first.
   */
  @Test
  void aStreamOnOneServerHearsOfChangesMadeThroughAnother() throws Exception {
    Optional<PayaraServer> second =
        PayaraServer.secondOnSharedDatabase(Integer.getInteger("hearth.it.port") + 1);
    assumeTrue(second.isPresent(), "needs a database two servers share (PostgreSQL)");
    HearthApi api = new HearthApi(base);
    String region = "cluster-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId = node.registerWith(node.registration(region)).json().get("id").asText();
    try (PayaraServer other = second.get();
        Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant owner = Tenant.funded(api);
      HearthApi otherApi = new HearthApi(URI.create(other.url() + "/").toURL());
      try (VmEventStream elsewhere = new VmEventStream(otherApi, new Tenant(otherApi, owner.key))) {
        placeAndStop(owner, "clustered", region, nodeId, elsewhere);
      }
    }
  }

  /**
   * Creates a VM for {@code owner} and deletes it, asserting that {@code stream} carries its
   * placement on {@code nodeId} and its stopping; returns its id.
   */
  private static String placeAndStop(
      Tenant owner, String name, String region, String nodeId, VmEventStream stream)
      throws Exception {
    String id =
        owner.post("api/vms", vm(name, "STANDARD", 1, 256, region)).json().get("id").asText();
    JsonNode placed =
        stream.await(
            e -> id.equals(e.get("id").asText()) && e.hasNonNull("nodeId"), Duration.ofSeconds(30));
    assertEquals(nodeId, placed.get("nodeId").asText());

    owner.delete("api/vms/" + id);
    stream.await(
        e -> id.equals(e.get("id").asText()) && e.get("state").asText().equals("STOPPING"),
        Duration.ofSeconds(30));
    return id;
  }

  @Test
  void aVmNoNodeCanTakeFailsWithAReasonAndANamedNodeThatCannotIs409() {
    HearthApi api = new HearthApi(base);
    String region = "vm-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String guaranteedOnly =
        ",\"policy\":{\"tiers\":[\"GUARANTEED\"],\"runtimes\":[\"sandbox\"],\"commandPatterns\":[\"sleep *\"],\"maxVms\":4}";
    String nodeId =
        node.registerWith(node.registration(region, 2, 2048, guaranteedOnly))
            .json()
            .get("id")
            .asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      Tenant tenant = Tenant.funded(api);

      JsonNode tooBig = tenant.post("api/vms", vm("big", "GUARANTEED", 1, 4096, region)).json();
      assertEquals("FAILED", tooBig.get("state").asText());
      assertTrue(
          tooBig.get("stateReason").asText().contains("not enough free memory"), tooBig.toString());

      JsonNode wrongTier = tenant.post("api/vms", vm("burst", "BURSTABLE", 1, 256, region)).json();
      assertEquals("FAILED", wrongTier.get("state").asText());
      assertTrue(
          wrongTier.get("stateReason").asText().contains("tier BURSTABLE"), wrongTier.toString());

      String notAllowed = vm("sh", "GUARANTEED", 1, 256, region).replace("sleep 600", "bash");
      assertTrue(
          tenant
              .post("api/vms", notAllowed)
              .json()
              .get("stateReason")
              .asText()
              .contains("allow-list"));

      String targeted =
          vm("t", "GUARANTEED", 1, 4096, region)
              .replace("\"region\"", "\"targetNodeId\":\"" + nodeId + "\",\"region\"");
      HearthApi.Reply refused = tenant.post("api/vms", targeted);
      assertProblem(refused, 409);
      assertTrue(refused.json().get("detail").asText().contains("memory"), refused.toString());
      assertEquals(3, tenant.get("api/vms").json().size(), "a refused target creates no VM");
    }
  }

  @Test
  void aRequestThatMayWaitIsPlacedWhenCapacityAppearsOrFailsWhenItsWaitEnds() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    String region = "wait-" + System.nanoTime();
    String patient =
        vm("patient", "BURSTABLE", 1, 128, region)
            .replace("\"region\"", "\"waitSeconds\":60,\"region\"");
    String hasty =
        vm("hasty", "BURSTABLE", 1, 128, region)
            .replace("\"region\"", "\"waitSeconds\":2,\"region\"");

    JsonNode waiting = tenant.post("api/vms", patient).json();
    JsonNode givesUp = tenant.post("api/vms", hasty).json();
    assertEquals("REQUESTED", waiting.get("state").asText(), waiting.toString());
    assertTrue(
        waiting.get("stateReason").asText().startsWith("waiting for capacity"), waiting.toString());

    Thread.sleep(4000);
    JsonNode failed = tenant.get("api/vms/" + givesUp.get("id").asText()).json();
    assertEquals("FAILED", failed.get("state").asText(), failed.toString());
    assertTrue(failed.get("stateReason").asText().contains("waited until"), failed.toString());

    SimulatedNode node = new SimulatedNode(api);
    String nodeId =
        node.registerWith(node.registration(region, 2, 4096, "")).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      String id = waiting.get("id").asText();
      for (int i = 0;
          i < 40 && !"SCHEDULED".equals(tenant.get("api/vms/" + id).json().get("state").asText());
          i++) {
        Thread.sleep(250);
      }
      JsonNode placed = tenant.get("api/vms/" + id).json();
      assertEquals("SCHEDULED", placed.get("state").asText(), placed.toString());
      assertEquals(nodeId, placed.get("nodeId").asText());
    }
  }

  @Test
  void badVmRequestsAre400NamingTheField() {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    String good = vm("ok", "STANDARD", 1, 256, "eu");

    assertInvalid(tenant, good.replace("\"vcpus\":1", "\"vcpus\":0"), "vcpus");
    assertInvalid(
        tenant, good.replace("\"runtime\":\"sandbox\"", "\"runtime\":\"kvm\""), "runtime");
    assertInvalid(tenant, good.replace("GREETING", "1BAD"), "env");
    assertInvalid(tenant, good.replace("\"name\":\"ok\"", "\"name\":\"\""), "name");
    assertProblem(tenant.post("api/vms", good.replace("STANDARD", "PLATINUM")), 400);
    assertProblem(tenant.post("api/vms", "{\"name\":"), 400);
    assertProblem(tenant.get("api/vms/not-a-uuid"), 400);
    assertProblem(api.get("api/vms"), 401);
    assertEquals(0, tenant.get("api/vms").json().size());
  }

  @Test
  void concurrentRequestsNeverOverAllocateANode() throws Exception {
    HearthApi api = new HearthApi(base);
    String region = "race-" + System.nanoTime();
    List<SimulatedNode> nodes = List.of(new SimulatedNode(api), new SimulatedNode(api));
    List<String> ids = new ArrayList<>();
    for (SimulatedNode node : nodes) {
      ids.add(node.registerWith(node.registration(region, 4, 65536, "")).json().get("id").asText());
    }
    try (Heartbeats beats = new Heartbeats(nodes, ids)) {
      ids.forEach(id -> awaitOnline(api, id));
      int requests = 120;
      ExecutorService pool = Executors.newFixedThreadPool(24);
      List<Future<HearthApi.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        Tenant tenant = Tenant.funded(api);
        String body = vm("race-" + i, "BALANCED", 1, 128, region);
        replies.add(pool.submit(() -> tenant.post("api/vms", body)));
      }
      int scheduled = 0;
      int failed = 0;
      for (Future<HearthApi.Reply> reply : replies) {
        HearthApi.Reply r = reply.get();
        assertEquals(201, r.status(), r.toString());
        switch (r.json().get("state").asText()) {
          case "SCHEDULED" -> scheduled++;
          case "FAILED" -> failed++;
          default -> throw new AssertionError(r.toString());
        }
      }
      pool.shutdown();

      // 2 nodes × 4 cores × 2 (BALANCED) = 16 VMs of 1 vCPU fit; not one more.
      assertEquals(16, scheduled);
      assertEquals(requests - 16, failed);
      for (String id : ids) {
        JsonNode allocated = api.get("api/nodes/" + id).json().get("allocated");
        assertEquals(48, allocated.get("coreShares").asLong(), allocated.toString());
        assertEquals(8, allocated.get("vms").asInt());
      }
    }
  }

  private void assertInvalid(Tenant tenant, String body, String field) {
    HearthApi.Reply reply = tenant.post("api/vms", body);
    assertProblem(reply, 400);
    assertTrue(reply.json().get("detail").asText().contains(field), reply.toString());
  }

  static void awaitOnline(HearthApi api, String nodeId) {
    for (int i = 0; i < 50; i++) {
      if ("ONLINE".equals(api.get("api/nodes/" + nodeId).json().get("status").asText())) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("node " + nodeId + " did not come online");
  }
}
