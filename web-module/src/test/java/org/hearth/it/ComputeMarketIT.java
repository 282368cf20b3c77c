package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compute market as Nostr events (docs/nip-compute.md), driven by nostr-tools against the
 * embedded relay: a node's agent signs its offer, a job request gets bids, an accepted bid runs a
 * VM on a real agent, statuses follow it, and feedback becomes the node's review.
 */
@ExtendWith(ArquillianExtension.class)
class ComputeMarketIT {

  private static final int OFFER = 31900;
  private static final int JOB_REQUEST = 5900;
  private static final int BID_ACCEPTANCE = 5901;
  private static final int JOB_RESULT = 6900;
  private static final int FEEDBACK = 7900;
  private static final int ATTESTATION = 10033;
  private static final int DELETION = 5;

  /** The attester the tests' server trusts (hearth.attestation.attesters in the pom). */
  private static final NostrKeyPair ATTESTER = NostrKeyPair.fromSecretKeyHex("b2".repeat(32));

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  private static String spec(String region) {
    return """
        {"name":"nostr-job","vcpus":1,"memoryMiB":32,"diskGiB":1,"tier":"BURSTABLE",
         "command":"sleep 3600","region":"%s"}"""
        .formatted(region);
  }

  private static String results(JsonNode request) {
    return "{\"kinds\":[" + JOB_RESULT + "],\"#e\":[\"" + request.get("id").asText() + "\"]}";
  }

  private static String tag(JsonNode event, String name) {
    for (JsonNode tag : event.get("tags")) {
      if (tag.size() >= 2 && tag.get(0).asText().equals(name)) {
        return tag.get(1).asText();
      }
    }
    return null;
  }

  private static boolean status(JsonNode event, String status) {
    return status.equals(tag(event, "status"));
  }

  private static JsonNode content(JsonNode event) {
    try {
      return HearthApi.JSON.readTree(event.get("content").asText());
    } catch (Exception e) {
      throw new AssertionError("content is not JSON: " + event, e);
    }
  }

  @Test
  void aJobRequestGetsBidsAndTheAcceptedBidRunsAVmWhoseStatusAndFeedbackTravelAsEvents()
      throws Exception {
    HearthApi api = new HearthApi(base);
    RelayPeer relay = RelayPeer.of(base);
    String marketplace =
        api.send("relay", "GET", null, Map.of("Accept", "application/nostr+json"))
            .json()
            .get("pubkey")
            .asText();
    List<JsonNode> capabilities =
        relay.query("{\"kinds\":[10032],\"authors\":[\"" + marketplace + "\"]}");
    assertEquals(1, capabilities.size(), "the marketplace says how to rent from it");
    assertEquals("sandbox", content(capabilities.get(0)).get("runtimes").get(0).asText());
    Tenant tenant = Tenant.funded(api);
    Tenant stranger = Tenant.funded(api);
    try (AgentProcess agent = new AgentProcess(api.url(""), "job-" + System.nanoTime()).start()) {
      JsonNode node = awaitNode(api, agent.region, "ONLINE");
      String nodeId = node.get("id").asText();
      JsonNode offer =
          relay.await("{\"kinds\":[31900],\"#d\":[\"" + nodeId + "\"]}", e -> true, "node's offer");
      assertEquals(node.get("pubkey").asText(), offer.get("pubkey").asText(), "signed by the node");
      assertEquals(agent.region, tag(offer, "region"));
      assertEquals(nodeId, content(offer).get("id").asText());
      assertTrue(
          content(offer).get("hardware").get("computePoints").asLong() > 0, offer.toString());

      JsonNode request = RelayPeer.event(tenant.key, JOB_REQUEST, List.of(), spec(agent.region));
      assertTrue(relay.publish(request).get("ok").asBoolean());
      JsonNode bid = relay.await(results(request), e -> status(e, "bid"), "bid");
      assertEquals(marketplace, bid.get("pubkey").asText(), "bids are signed by the marketplace");
      assertEquals(tenant.key.publicKeyHex(), tag(bid, "p"));
      assertEquals(nodeId, tag(bid, "node"));
      assertEquals(1, content(bid).get("rank").asInt());
      assertTrue(Long.parseLong(tag(bid, "price")) > 0, bid.toString());

      JsonNode notMine =
          RelayPeer.event(
              stranger.key, BID_ACCEPTANCE, List.of(List.of("e", bid.get("id").asText())), "");
      relay.publish(notMine);
      JsonNode refused =
          relay.await(results(notMine), e -> status(e, "error"), "refusal of a stranger");
      assertTrue(
          content(refused).get("message").asText().startsWith("restricted:"), refused.toString());

      JsonNode accept =
          RelayPeer.event(
              tenant.key, BID_ACCEPTANCE, List.of(List.of("e", bid.get("id").asText())), "");
      assertTrue(relay.publish(accept).get("ok").asBoolean());
      JsonNode running = relay.await(results(request), e -> status(e, "running"), "running");
      String vmId = tag(running, "vm");
      assertEquals(nodeId, content(running).get("nodeId").asText());
      assertTrue(
          content(running).get("terminal").asText().endsWith("/api/vms/" + vmId + "/terminal"));
      assertEquals(nodeId, awaitVm(tenant, vmId, "RUNNING").get("nodeId").asText());

      JsonNode again =
          RelayPeer.event(
              tenant.key,
              BID_ACCEPTANCE,
              List.of(List.of("e", bid.get("id").asText()), List.of("t", "again")),
              "");
      relay.publish(again);
      Thread.sleep(2000);
      assertEquals(1, tenant.get("api/vms").json().size(), "accepting twice starts one VM");
      assertEquals(0, stranger.get("api/vms").json().size());

      tenant.delete("api/vms/" + vmId);
      relay.await(results(request), e -> status(e, "stopped"), "stopped");

      assertTrue(relay.publish(feedback(tenant, request, "4", "ran fine")).get("ok").asBoolean());
      JsonNode review = awaitReview(api, nodeId);
      assertEquals(vmId, review.get("vmId").asText());
      assertEquals(4, review.get("rating").asInt());
      assertEquals("ran fine", review.get("comment").asText());
      JsonNode vouched =
          relay.await(
              vouchedFilter(marketplace, request),
              e -> true,
              "the review published by the marketplace");
      assertEquals("4", tag(vouched, "rating"));
      assertEquals(nodeId, tag(vouched, "node"));
      assertEquals(
          Instant.parse(review.get("createdAt").asText()).getEpochSecond(),
          vouched.get("created_at").asLong(),
          "dated when the review was made");

      // The same feedback handed over again (as after a crash) stands; a different one is refused.
      relay.publish(feedback(tenant, request, "4", "ran fine", List.of("t", "again")));
      relay.publish(feedback(tenant, request, "1", "changed my mind"));
      JsonNode alreadyReviewed =
          relay.await(results(request), e -> status(e, "error"), "refusal of a second review");
      assertTrue(
          content(alreadyReviewed).get("message").asText().contains("already"),
          alreadyReviewed.toString());
      Thread.sleep(2000);
      assertEquals(
          1,
          relay.query(results(request)).stream().filter(e -> status(e, "error")).count(),
          "only the different feedback is refused");
      List<JsonNode> vouchedNow = relay.query(vouchedFilter(marketplace, request));
      assertEquals(1, vouchedNow.size(), "one review, one event: " + vouchedNow);
      assertEquals(vouched.get("id"), vouchedNow.get(0).get("id"));
    }
  }

  @SafeVarargs
  private static JsonNode feedback(
      Tenant tenant, JsonNode request, String rating, String comment, List<String>... moreTags)
      throws Exception {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of("e", request.get("id").asText()));
    tags.add(List.of("rating", rating));
    tags.addAll(List.of(moreTags));
    return RelayPeer.event(tenant.key, FEEDBACK, tags, comment);
  }

  private static String vouchedFilter(String marketplace, JsonNode request) {
    return "{\"kinds\":[7900],\"authors\":[\""
        + marketplace
        + "\"],\"#e\":[\""
        + request.get("id").asText()
        + "\"]}";
  }

  @Test
  void badRequestsFullMarketsAndEmptyBalancesAreAnsweredOnTheRelay() throws Exception {
    HearthApi api = new HearthApi(base);
    RelayPeer relay = RelayPeer.of(base);
    Tenant broke = new Tenant(api);
    SimulatedNode node = new SimulatedNode(api);
    String region = "broke-" + System.nanoTime();
    String nodeId = node.register(region).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitNode(api, region, "ONLINE");

      JsonNode invalid = RelayPeer.event(broke.key, JOB_REQUEST, List.of(), "{\"vcpus\":0}");
      relay.publish(invalid);
      JsonNode error = relay.await(results(invalid), e -> status(e, "error"), "invalid request");
      String why = content(error).get("message").asText();
      assertTrue(why.startsWith("invalid:") && why.contains("vcpus"), why);

      JsonNode nowhere =
          RelayPeer.event(broke.key, JOB_REQUEST, List.of(), spec("nowhere-" + System.nanoTime()));
      relay.publish(nowhere);
      relay.await(results(nowhere), e -> status(e, "no-bids"), "no bids");

      JsonNode request = RelayPeer.event(broke.key, JOB_REQUEST, List.of(), spec(region));
      relay.publish(request);
      JsonNode bid = relay.await(results(request), e -> status(e, "bid"), "bid");
      relay.publish(
          RelayPeer.event(
              broke.key, BID_ACCEPTANCE, List.of(List.of("e", bid.get("id").asText())), ""));
      JsonNode unpaid =
          relay.await(results(request), e -> status(e, "payment-required"), "payment required");
      assertTrue(
          content(unpaid).get("message").asText().contains("/api/account/deposit"),
          unpaid.toString());
      assertEquals(0, broke.get("api/vms").json().size(), "no VM without payment");
    }
  }

  /**
   * With a third-party relay as its external relay (and a second one that is never up), the market
   * trades there as on its own: offers and bids are published there, and a tenant who only talks to
   * that relay rents a VM and follows it.
   */
  @Test
  void aTenantOnAnExternalRelayRentsAVmThere() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    try (ThirdPartyRelay external = new ThirdPartyRelay();
        AgentProcess agent = new AgentProcess(api.url(""), "ext-" + System.nanoTime()).start()) {
      RelayPeer relay = new RelayPeer(external.url());
      String dead = "ws://127.0.0.1:9";
      ThirdPartyRelay.awaitHealth(api, external.url(), h -> h.get("connected").asBoolean());
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();
      relay.await("{\"kinds\":[31900],\"#d\":[\"" + nodeId + "\"]}", e -> true, "offer out there");
      // A stranger's offer is taken by Hearth's relay but not spread to others.
      JsonNode strangers =
          RelayPeer.event(
              NostrKeyPair.generate(), OFFER, List.of(List.of("d", "not-a-hearth-node")), "{}");
      assertTrue(RelayPeer.of(base).publish(strangers).get("ok").asBoolean());

      JsonNode request = RelayPeer.event(tenant.key, JOB_REQUEST, List.of(), spec(agent.region));
      assertTrue(relay.publish(request).get("ok").asBoolean());
      JsonNode bid = relay.await(results(request), e -> status(e, "bid"), "bid out there");
      assertEquals(nodeId, tag(bid, "node"));
      relay.publish(
          RelayPeer.event(
              tenant.key, BID_ACCEPTANCE, List.of(List.of("e", bid.get("id").asText())), ""));
      JsonNode running = relay.await(results(request), e -> status(e, "running"), "running");
      String vmId = tag(running, "vm");
      tenant.delete("api/vms/" + vmId);
      relay.await(results(request), e -> status(e, "stopped"), "stopped out there");
      assertEquals(
          List.of(),
          relay.query("{\"ids\":[\"" + strangers.get("id").asText() + "\"]}"),
          "forwarded only what Hearth published");

      JsonNode live =
          ThirdPartyRelay.awaitHealth(api, external.url(), h -> h.get("accepted").asLong() >= 4);
      assertTrue(live.get("received").asLong() >= 2, live.toString());
      JsonNode down = ThirdPartyRelay.awaitHealth(api, dead, h -> !h.get("connected").asBoolean());
      assertTrue(down.get("lastError").asText().length() > 0, down.toString());
      assertTrue(down.get("pending").asInt() > 0, "kept for when it comes: " + down);
    }
  }

  /**
   * A real agent's node attests itself with its own key (read from the agent's data dir, signed by
   * nostr-tools): its page shows the newest attestation taken, its reputation counts it, and its
   * offer names the TEE. Strangers' and malformed attestations are not taken, a trusted attester's
   * is, and deleting the event withdraws it.
   */
  @Test
  void aNodesAttestationShowsOnItsPageAndCountsInItsReputation() throws Exception {
    HearthApi api = new HearthApi(base);
    RelayPeer relay = RelayPeer.of(base);
    try (AgentProcess agent = new AgentProcess(api.url(""), "tee-" + System.nanoTime()).start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();
      NostrKeyPair nodeKey =
          NostrKeyPair.fromSecretKeyHex(
              Files.readString(agent.dataDir.resolve("node.key"), StandardCharsets.US_ASCII)
                  .trim());
      String page = "api/marketplace/nodes/" + nodeId;
      assertTrue(absent(api.get(page).json().path("attestation")));
      assertTrue(absent(attestationComponent(api.get(page).json()).path("value")));

      long t = Instant.now().getEpochSecond() - 60;
      String expiration = Long.toString(t + 3600);
      List<List<String>> snp =
          List.of(
              List.of("node", nodeId),
              List.of("tee", "sev-snp"),
              List.of("measurement", "9f".repeat(48)),
              List.of("expiration", expiration));
      publish(relay, nodeKey, snp, t);
      JsonNode shown = awaitAttestation(api, page, a -> a.path("tee").asText().equals("sev-snp"));
      assertEquals("node", shown.get("vouchedBy").asText());
      assertEquals(nodeKey.publicKeyHex(), shown.get("author").asText());
      assertEquals(0.6, awaitComponent(api, page, 0.6).get("value").asDouble(), 1e-9);

      byte[] quote =
          "an SEV-SNP report, as far as Hearth can tell".getBytes(StandardCharsets.UTF_8);
      List<List<String>> renewed = new ArrayList<>(snp);
      renewed.add(List.of("quote", Base64.getEncoder().encodeToString(quote)));
      JsonNode renewal = publish(relay, nodeKey, renewed, t + 5);
      shown = awaitAttestation(api, page, a -> a.path("quoteBytes").asInt() == quote.length);
      assertEquals(renewal.get("id").asText(), shown.get("eventId").asText());
      assertEquals(Sha256.hex(quote), shown.get("quoteSha256").asText());
      assertEquals(0.8, awaitComponent(api, page, 0.8).get("value").asDouble(), 1e-9);

      List<List<String>> tdx =
          List.of(
              List.of("node", nodeId),
              List.of("tee", "tdx"),
              List.of("measurement", "7e".repeat(48)),
              List.of("expiration", expiration));
      publish(relay, NostrKeyPair.generate(), tdx, t + 10);
      publish(relay, ATTESTER, tdx, t + 20);
      shown = awaitAttestation(api, page, a -> a.path("tee").asText().equals("tdx"));
      assertEquals("attester", shown.get("vouchedBy").asText());
      assertEquals(ATTESTER.publicKeyHex(), shown.get("author").asText(), "not the stranger's");
      assertEquals(1.0, awaitComponent(api, page, 1.0).get("value").asDouble(), 1e-9);

      publish(relay, nodeKey, List.of(List.of("node", nodeId), List.of("tee", "trustme")), t + 30);
      List<List<String>> host =
          List.of(
              List.of("node", nodeId),
              List.of("tee", "none"),
              List.of("measurement", "linux; bubblewrap sandbox"),
              List.of("expiration", expiration));
      JsonNode hostEvent = publish(relay, nodeKey, host, t + 40);
      shown = awaitAttestation(api, page, a -> a.path("tee").asText().equals("none"));
      assertEquals(hostEvent.get("id").asText(), shown.get("eventId").asText());
      JsonNode component = awaitComponent(api, page, 0.3);
      assertEquals("none", component.get("inputs").get("tee").asText());
      JsonNode offer =
          relay.await(
              "{\"kinds\":[31900],\"#d\":[\"" + nodeId + "\"]}",
              e -> "none".equals(tag(e, "tee")),
              "an offer naming the node's TEE");
      assertEquals(nodeKey.publicKeyHex(), offer.get("pubkey").asText());
      assertEquals(
          "duplicate:",
          relay.publish(hostEvent).get("message").asText().substring(0, 10),
          "a replay is a duplicate");

      JsonNode deletion =
          RelayPeer.event(
              nodeKey, DELETION, List.of(List.of("e", hostEvent.get("id").asText())), "");
      assertTrue(relay.publish(deletion).get("ok").asBoolean());
      awaitAttestation(api, page, ComputeMarketIT::absent);
      awaitComponent(api, page, null);
    }
  }

  private static JsonNode publish(
      RelayPeer relay, NostrKeyPair key, List<List<String>> tags, long createdAt) throws Exception {
    JsonNode event =
        HearthApi.JSON.readTree(
            NostrTools.event(key.secretKeyHex(), ATTESTATION, tags, "", createdAt));
    JsonNode ok = relay.publish(event);
    assertTrue(ok.get("ok").asBoolean(), ok.toString());
    return event;
  }

  /** A JSON member left out (as JSON-B leaves out nulls) or null. */
  private static boolean absent(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }

  private static JsonNode attestationComponent(JsonNode page) {
    for (JsonNode c : page.get("reputationBreakdown").get("components")) {
      if (c.get("name").asText().equals("attestation")) {
        return c;
      }
    }
    throw new AssertionError("no attestation component: " + page);
  }

  private static JsonNode awaitAttestation(HearthApi api, String page, Predicate<JsonNode> wanted)
      throws Exception {
    JsonNode last = null;
    for (int i = 0; i < 100; i++) {
      last = api.get(page).json().path("attestation");
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the node's attestation never got there: " + last);
  }

  /** The attestation component once its value is {@code value} (null: absent). */
  private static JsonNode awaitComponent(HearthApi api, String page, Double value)
      throws Exception {
    JsonNode last = null;
    for (int i = 0; i < 100; i++) {
      last = attestationComponent(api.get(page).json());
      JsonNode v = last.path("value");
      if (value == null ? absent(v) : !absent(v) && Math.abs(v.asDouble() - value) < 1e-9) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the attestation component never became " + value + ": " + last);
  }

  private static JsonNode awaitReview(HearthApi api, String nodeId) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode reviews = api.get("api/marketplace/nodes/" + nodeId).json().get("reviews");
      if (reviews.size() > 0) {
        return reviews.get(0);
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the feedback did not become a review of node " + nodeId);
  }
}
