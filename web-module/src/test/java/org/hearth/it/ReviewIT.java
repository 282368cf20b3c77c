package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.Instant;
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
 * Reviews of nodes by the tenants whose VMs ran there, and the node's reputation explained, on a
 * real server with a real agent.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  @Test
  void theOwnerOfAnEndedVmReviewsItsNodeOnceAndTheReputationShowsIt() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    Tenant member = new Tenant(api);
    Tenant stranger = new Tenant(api);
    try (AgentProcess agent =
        new AgentProcess(api.url(""), "review-" + System.nanoTime()).start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();
      HearthApi.Reply created =
          tenant.post(
              "api/vms",
              """
              {"name":"reviewed","vcpus":1,"memoryMiB":32,"diskGiB":1,"tier":"BURSTABLE",
               "runtime":"sandbox","command":"sleep 3600","region":"%s"}"""
                  .formatted(agent.region));
      assertEquals(201, created.status(), created.toString());
      String vmId = created.json().get("id").asText();
      String review = "api/vms/" + vmId + "/review";
      String fiveStars = "{\"rating\":5,\"comment\":\"  fast and stable  \"}";
      awaitVm(tenant, vmId, "RUNNING");
      assertEquals(204, tenant.put("api/vms/" + vmId + "/members/" + member.accountId()).status());
      assertProblem(tenant.post(review, fiveStars), 409, "conflict");

      tenant.delete("api/vms/" + vmId);
      awaitVm(tenant, vmId, "TERMINATED");
      assertProblem(member.post(review, fiveStars), 403, "forbidden");
      assertProblem(stranger.post(review, fiveStars), 404, "not-found");
      assertProblem(tenant.post(review, "{\"rating\":6}"), 400, "invalid-field");
      assertProblem(tenant.post(review, "{}"), 400, "invalid-field");
      assertProblem(
          tenant.post(review, "{\"rating\":3,\"comment\":\"" + "x".repeat(1001) + "\"}"),
          400,
          "invalid-field");
      assertProblem(tenant.post(review, "{\"rating\":"), 400, "malformed-request");
      assertEquals(0, page(api, nodeId).get("reviews").size(), "refused reviews left no trace");
      JsonNode noReviews = component(page(api, nodeId), "reviews");
      assertTrue(noReviews.path("value").isMissingNode(), "absent without reviews: " + noReviews);
      assertEquals(0.0, noReviews.get("share").asDouble(), noReviews.toString());

      HearthApi.Reply posted = tenant.post(review, fiveStars);
      assertEquals(201, posted.status(), posted.toString());
      assertEquals(5, posted.json().get("rating").asInt());
      assertEquals("fast and stable", posted.json().get("comment").asText());
      assertEquals(nodeId, posted.json().get("nodeId").asText());
      assertProblem(tenant.post(review, "{\"rating\":1}"), 409, "conflict");

      JsonNode page = page(api, nodeId);
      assertEquals(1, page.get("reviews").size(), page.toString());
      assertEquals(5, page.get("reviews").get(0).get("rating").asInt());
      assertEquals(vmId, page.get("reviews").get(0).get("vmId").asText());
      JsonNode reviews = component(page, "reviews");
      assertNotNull(reviews.get("value").numberValue(), reviews.toString());
      assertEquals(1, reviews.get("inputs").get("count").asLong(), reviews.toString());
      assertEquals(5.0, reviews.get("inputs").get("average").asDouble(), 1e-9);
      assertTrue(reviews.get("share").asDouble() > 0, reviews.toString());
      double shares = 0;
      double weighted = 0;
      for (JsonNode c : page.get("reputationBreakdown").get("components")) {
        shares += c.get("share").asDouble();
        weighted += c.get("share").asDouble() * c.path("value").asDouble(0);
        assertTrue(c.get("note").asText().length() > 0, c.toString());
      }
      assertEquals(1.0, shares, 1e-9);
      double score = page.get("reputationBreakdown").get("score").asDouble();
      assertEquals(weighted, score, 1e-9);
      assertEquals(score, page.get("reputation").asDouble(), 1e-9);
    }
  }

  /**
   * A follow list published on the relay (with nostr-tools) makes the operator trusted by whoever
   * follows it: fully from the follower's own view, damped in the global one.
   */
  @Test
  void followListsOnTheRelayMakeSocialTrustSeenFromTheViewersKey() throws Exception {
    HearthApi api = new HearthApi(base);
    NostrKeyPair operator = NostrKeyPair.generate();
    NostrKeyPair viewer = NostrKeyPair.generate();
    NostrKeyPair other = NostrKeyPair.generate();
    String nodeId =
        new SimulatedNode(api)
            .registerOperatedBy("social-" + System.nanoTime(), operator.publicKeyHex())
            .json()
            .get("id")
            .asText();
    long now = Instant.now().getEpochSecond();
    List<ObjectNode> publications = new ArrayList<>();
    for (NostrKeyPair follower : List.of(viewer, other)) {
      publications.add(
          NostrRelayClient.publish(
              NostrRelayClient.event(
                  follower,
                  3,
                  List.of(
                      List.of("p", operator.publicKeyHex()), List.of("p", other.publicKeyHex())),
                  now)));
    }
    JsonNode published =
        NostrRelayClient.run(
            NostrRelayClient.relayUrl(base), publications.toArray(ObjectNode[]::new));
    published.forEach(r -> assertTrue(r.get("ok").asBoolean(), published.toString()));

    JsonNode seen = null;
    for (int i = 0; i < 40 && (seen == null || seen.path("value").isMissingNode()); i++) {
      Thread.sleep(250);
      seen = component(page(api, nodeId + "?viewer=" + viewer.publicKeyHex()), "social");
    }
    assertEquals("viewer", seen.get("inputs").get("perspective").asText(), seen.toString());
    assertEquals(1.0, seen.get("value").asDouble(), 1e-9, "the best-trusted key for the viewer");
    JsonNode anyone = component(page(api, nodeId), "social");
    assertEquals("global", anyone.get("inputs").get("perspective").asText(), anyone.toString());
    assertTrue(anyone.get("value").asDouble() <= 0.5, anyone.toString());
    assertProblem(
        api.get("api/marketplace/nodes/" + nodeId + "?viewer=nope"), 400, "invalid-field");
  }

  private static JsonNode page(HearthApi api, String nodeId) {
    HearthApi.Reply reply = api.get("api/marketplace/nodes/" + nodeId);
    assertEquals(200, reply.status(), reply.toString());
    return reply.json();
  }

  private static JsonNode component(JsonNode page, String name) {
    for (JsonNode c : page.get("reputationBreakdown").get("components")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no component " + name + " in " + page);
  }

  private static void assertProblem(HearthApi.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals("urn:hearth:problem:" + type, reply.json().get("type").asText(), reply.toString());
  }
}
