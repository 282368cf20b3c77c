package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.hearth.domain.node.NodeId;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node registry on a real Payara Micro and database: registration, heartbeats, bad input. */
@ExtendWith(ArquillianExtension.class)
class NodeRegistryIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;
  HearthApi api;

  @BeforeEach
  void client() {
    api = new HearthApi(base);
  }

  @Test
  void nodeRegisteredWithNostrToolsSignatureGoesOnlineWithItsFirstHeartbeat() {
    SimulatedNode node = new SimulatedNode(api);
    String body = node.registration("eu-west");
    String header =
        NostrTools.nip98Header(node.key.secretKeyHex(), api.url("api/nodes"), "POST", body);

    HearthApi.Reply registered = api.post("api/nodes", body, header);

    assertEquals(201, registered.status(), registered.toString());
    JsonNode json = registered.json();
    String id = json.get("id").asText();
    assertEquals(NodeId.of(node.machineId, node.key.publicKeyHex()), id);
    assertEquals(node.key.publicKeyHex(), json.get("pubkey").asText());
    assertEquals("OFFLINE", json.get("status").asText());
    assertEquals(8, json.get("cores").asInt());
    assertEquals("RTX 4090", json.at("/gpus/0/model").asText());
    assertEquals(12, json.get("pricePerPointHour").asLong());
    assertEquals(12, json.at("/priceList/perPointHour").asLong());
    assertEquals(3000, json.at("/priceList/perMemoryGiBHour").asLong());
    assertEquals(50, json.at("/priceList/perDiskGiBHour").asLong());
    assertEquals(200_000, json.at("/priceList/perGpuHour").asLong());
    assertTrue(registered.headers().firstValue("Location").orElse("").endsWith(id));

    String path = "api/nodes/" + id + "/heartbeat";
    String beat = node.heartbeatBody();
    HearthApi.Reply heartbeat =
        api.post(
            path,
            beat,
            NostrTools.nip98Header(node.key.secretKeyHex(), api.url(path), "POST", beat));
    assertEquals(200, heartbeat.status(), heartbeat.toString());

    JsonNode shown = api.get("api/nodes/" + id).json();
    assertEquals("ONLINE", shown.get("status").asText());
    assertFalse(shown.get("lastHeartbeatAt").isNull());
    assertEquals(1, shown.at("/load/cpuPercent").asDouble(), 1.0);
  }

  @Test
  void aNodeJoinsItsOperatorsAccountOnlyWhenThatAccountClaimsIt() {
    Tenant operator = new Tenant(api);
    Tenant other = new Tenant(api);
    SimulatedNode node = new SimulatedNode(api);
    JsonNode registered =
        node.registerOperatedBy("op-land", operator.key.publicKeyHex().toUpperCase()).json();
    String id = registered.get("id").asText();
    assertEquals(operator.key.publicKeyHex(), registered.get("operator").asText());
    assertFalse(registered.get("operatorConfirmed").asBoolean());
    assertEquals(0, operator.get("api/account/nodes").json().size(), "not before the claim");

    assertEquals(403, other.post("api/nodes/" + id + "/claim", "").status());
    HearthApi.Reply claimed = operator.post("api/nodes/" + id + "/claim", "");
    assertEquals(200, claimed.status(), claimed.toString());
    assertTrue(claimed.json().get("operatorConfirmed").asBoolean());
    assertEquals(200, operator.post("api/nodes/" + id + "/claim", "").status(), "idempotent");
    assertEquals(id, operator.get("api/account/nodes").json().at("/0/id").asText());
    assertEquals(0, other.get("api/account/nodes").json().size());
    assertEquals(
        404, operator.post("api/nodes/" + "0".repeat(64) + "/claim", "").status(), "no node");
  }

  @Test
  void onlyTheOperatorEditsTheListingAndTheAgentNoLongerOverwritesIt() {
    Tenant operator = new Tenant(api);
    Tenant other = new Tenant(api);
    SimulatedNode node = new SimulatedNode(api);
    String id =
        node.registerOperatedBy("op-land", operator.key.publicKeyHex()).json().get("id").asText();
    String profile = "api/nodes/" + id + "/profile";
    String edit =
        """
        {"region":"op-edited","tags":["fast"],"description":"edited","pricePerPointHour":7,
         "pricePerMemoryGiBHour":2000,"pricePerGpuHour":0}""";
    assertEquals(403, operator.send("PATCH", profile, edit).status(), "not claimed yet");
    assertEquals(200, operator.post("api/nodes/" + id + "/claim", "").status());

    assertEquals(403, other.send("PATCH", profile, edit).status());
    HearthApi.Reply bad = operator.send("PATCH", profile, "{\"pricePerPointHour\":-1}");
    assertEquals(400, bad.status(), bad.toString());
    HearthApi.Reply badDisk = operator.send("PATCH", profile, "{\"pricePerDiskGiBHour\":-1}");
    assertEquals(400, badDisk.status(), badDisk.toString());
    assertTrue(badDisk.json().get("detail").asText().contains("pricePerDiskGiBHour"));
    assertEquals(12, api.get("api/nodes/" + id).json().get("pricePerPointHour").asLong());

    HearthApi.Reply edited = operator.send("PATCH", profile, edit);
    assertEquals(200, edited.status(), edited.toString());
    JsonNode again = node.registerOperatedBy("op-land", operator.key.publicKeyHex()).json();
    assertEquals("op-edited", again.get("region").asText());
    assertEquals("fast", again.at("/tags/0").asText());
    assertEquals("edited", again.get("description").asText());
    assertEquals(7, again.get("pricePerPointHour").asLong());
    assertEquals(7, again.at("/priceList/perPointHour").asLong());
    assertEquals(2000, again.at("/priceList/perMemoryGiBHour").asLong());
    assertEquals(50, again.at("/priceList/perDiskGiBHour").asLong(), "left out: unchanged");
    assertEquals(0, again.at("/priceList/perGpuHour").asLong());

    // Naming another operator drops the claim: the node leaves the account at once.
    JsonNode renamed = node.registerOperatedBy("op-land", other.key.publicKeyHex()).json();
    assertFalse(renamed.get("operatorConfirmed").asBoolean());
    assertEquals(0, operator.get("api/account/nodes").json().size());
    assertEquals(403, operator.send("PATCH", profile, edit).status());
  }

  @Test
  void registeringAgainUpdatesTheSameNode() {
    SimulatedNode node = new SimulatedNode(api);
    String id = node.register("eu-west").json().get("id").asText();

    HearthApi.Reply again = node.register("us-east");

    assertEquals(200, again.status(), again.toString());
    assertEquals(id, again.json().get("id").asText());
    assertEquals("us-east", api.get("api/nodes/" + id).json().get("region").asText());
  }

  @Test
  void listsNodesByStatusAndRegion() {
    String region = "it-" + System.nanoTime();
    SimulatedNode online = new SimulatedNode(api);
    String onlineId = online.register(region).json().get("id").asText();
    online.heartbeat(onlineId);
    new SimulatedNode(api).register(region);

    JsonNode all = api.get("api/nodes?region=" + region).json();
    assertEquals(2, all.get("total").asLong());
    JsonNode onlineOnly = api.get("api/nodes?region=" + region + "&status=ONLINE").json();
    assertEquals(1, onlineOnly.get("total").asLong());
    assertEquals(onlineId, onlineOnly.at("/items/0/id").asText());
    assertEquals(100.0, onlineOnly.at("/items/0/uptimePercent").asDouble());
    JsonNode paged = api.get("api/nodes?region=" + region + "&size=1&page=1").json();
    assertEquals(1, paged.get("items").size());
  }

  @Test
  void requestsWithoutValidSignatureAre401AndChangeNothing() {
    SimulatedNode node = new SimulatedNode(api);
    String body = node.registration("eu-west");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String url = api.url("api/nodes");
    Instant now = Instant.now();

    assertProblem(api.post("api/nodes", body, null), 401);
    assertProblem(api.post("api/nodes", body, "Nostr not-base64!"), 401);
    assertProblem(api.post("api/nodes", body, "Bearer abc"), 401);
    assertProblem(
        api.post("api/nodes", body, tamperedSignature(node.sign("api/nodes", "POST", body))), 401);
    assertProblem(
        api.post(
            "api/nodes",
            body,
            new Nip98Signer(node.key).authorizationHeader(url + "x", "POST", bytes, now)),
        401);
    assertProblem(
        api.post(
            "api/nodes",
            body,
            new Nip98Signer(node.key).authorizationHeader(url, "PUT", bytes, now)),
        401);
    assertProblem(
        api.post(
            "api/nodes",
            body,
            new Nip98Signer(node.key)
                .authorizationHeader(url, "POST", bytes, now.minusSeconds(120))),
        401);
    assertProblem(
        api.post(
            "api/nodes",
            body,
            new Nip98Signer(node.key)
                .authorizationHeader(url, "POST", "{}".getBytes(StandardCharsets.UTF_8), now)),
        401);

    String id = NodeId.of(node.machineId, node.key.publicKeyHex());
    assertProblem(api.get("api/nodes/" + id), 404);
  }

  @Test
  void aReplayedAuthorizationIsRefused() {
    SimulatedNode node = new SimulatedNode(api);
    String body = node.registration("eu-west");
    String header = node.sign("api/nodes", "POST", body);

    assertEquals(201, api.post("api/nodes", body, header).status());
    HearthApi.Reply replay = api.post("api/nodes", body, header);

    assertProblem(replay, 401);
    assertTrue(
        replay.json().get("detail").asText().toLowerCase().contains("used"), replay.toString());
  }

  @Test
  void anotherKeyCannotHeartbeatForANode() {
    SimulatedNode owner = new SimulatedNode(api);
    String id = owner.register("eu-west").json().get("id").asText();
    NostrKeyPair intruder = NostrKeyPair.generate();
    String path = "api/nodes/" + id + "/heartbeat";
    String body = owner.heartbeatBody();

    HearthApi.Reply reply =
        api.post(
            path,
            body,
            new Nip98Signer(intruder)
                .authorizationHeader(
                    api.url(path), "POST", body.getBytes(StandardCharsets.UTF_8), Instant.now()));

    assertProblem(reply, 403);
    assertEquals("OFFLINE", api.get("api/nodes/" + id).json().get("status").asText());
  }

  @Test
  void unknownNodesAre404() {
    SimulatedNode node = new SimulatedNode(api);
    String unknown = "0".repeat(64);

    assertProblem(api.get("api/nodes/" + unknown), 404);
    assertProblem(node.heartbeat(unknown), 404);
    assertProblem(api.get("api/nodes/not-an-id"), 400);
  }

  @Test
  void malformedJsonIs400() {
    SimulatedNode node = new SimulatedNode(api);
    String body = "{\"machineId\": \"m\", \"cores\": ";

    HearthApi.Reply reply = api.post("api/nodes", body, node.sign("api/nodes", "POST", body));

    assertProblem(reply, 400);
    String typeMismatch = node.registration("eu").replace("\"cores\":8", "\"cores\":\"eight\"");
    assertProblem(
        api.post("api/nodes", typeMismatch, node.sign("api/nodes", "POST", typeMismatch)), 400);
  }

  @Test
  void invalidFieldsAre400NamingTheField() {
    SimulatedNode node = new SimulatedNode(api);
    assertInvalid(node, node.registration("eu").replace("\"cores\":8", "\"cores\":-1"), "cores");
    assertInvalid(
        node,
        node.registration("eu").replace("integration test node", "x".repeat(2001)),
        "description");
    assertInvalid(
        node,
        node.registration("eu").replace("[\"ssd\",\"test\"]", "[" + "\"t\",".repeat(40) + "\"t\"]"),
        "tags");
    assertInvalid(
        node,
        node.registration("eu").replace("\"model\":\"RTX 4090\"", "\"model\":\"\""),
        "gpus[0].model");
    assertInvalid(node, node.registration("eu").replace("\"arch\":\"x86_64\",", ""), "arch");
    assertProblem(api.get("api/nodes?status=SLEEPING"), 400);
    assertProblem(api.get("api/nodes?size=1000"), 400);

    assertEquals(
        404, api.get("api/nodes/" + NodeId.of(node.machineId, node.key.publicKeyHex())).status());
  }

  @Test
  void bodiesOver64KiBAre413() {
    SimulatedNode node = new SimulatedNode(api);
    String body = node.registration("eu").replace("integration test node", "x".repeat(70_000));

    HearthApi.Reply reply = api.post("api/nodes", body, node.sign("api/nodes", "POST", body));

    assertProblem(reply, 413);
  }

  @Test
  void operabilityEndpointsAnswer() {
    HearthApi.Reply ready = api.get("../health/ready");
    assertEquals(200, ready.status(), ready.toString());
    assertTrue(ready.body().contains("database"), ready.toString());
    HearthApi.Reply openapi = api.get("../openapi");
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/nodes/{id}/heartbeat"), "OpenAPI lists the heartbeat");
    assertEquals(200, api.get("../metrics").status());
  }

  private void assertInvalid(SimulatedNode node, String body, String field) {
    HearthApi.Reply reply = api.post("api/nodes", body, node.sign("api/nodes", "POST", body));
    assertProblem(reply, 400);
    assertTrue(reply.json().get("detail").asText().contains(field), reply.toString());
  }

  static void assertProblem(HearthApi.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonNode problem = reply.json();
    assertEquals(status, problem.get("status").asInt());
    assertTrue(problem.get("type").asText().startsWith("urn:hearth:problem:"), reply.toString());
    assertFalse(problem.get("title").asText().isBlank());
    assertFalse(problem.get("detail").asText().isBlank());
  }

  /** Flips one hex digit of the signature inside a NIP-98 header. */
  private static String tamperedSignature(String header) {
    String json =
        new String(
            Base64.getDecoder().decode(header.substring("Nostr ".length())),
            StandardCharsets.UTF_8);
    int sig = json.indexOf("\"sig\":\"") + 7;
    char c = json.charAt(sig);
    String tampered = json.substring(0, sig) + (c == '0' ? '1' : '0') + json.substring(sig + 1);
    return "Nostr " + Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
  }
}
