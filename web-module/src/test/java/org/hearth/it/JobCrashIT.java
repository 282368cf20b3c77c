package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

/**
 * kill -9 right after a burst of job requests is stored: the market answers each request after the
 * relay stored it, asynchronously, so the server dies with requests stored and not answered. After
 * the restart every request has had one round of bids: none is left unanswered, none is answered
 * twice.
 */
class JobCrashIT {

  private static final int JOB_REQUEST = 5900;
  private static final int REQUESTS = 300;
  private static final int NODES = 5;
  private static final Pattern RECOVERED =
      Pattern.compile("(\\d+) job requests and acceptances stored before the last stop");

  @Test
  void requestsStoredBeforeAKillAreAnsweredOnceAfterTheRestart() throws Exception {
    int port = Integer.getInteger("hearth.it.port", 18080) + 6;
    Map<String, String> env = new HashMap<>(PayaraServer.ownDatabase("job-crash-data"));
    // H2 writes a commit to its file up to half a second later by default: a kill would lose
    // stored requests, whose OK promised they were kept.
    env.computeIfPresent("HEARTH_DB_URL", (name, url) -> url + ";WRITE_DELAY=0");
    // The nodes stay online through the restart, so the requests answered after it get bids too.
    env.put("HEARTH_NODE_OFFLINE_AFTER", "PT10M");
    try (PayaraServer server = PayaraServer.withEnvironment(port, env).start()) {
      HearthApi api = new HearthApi(new URL(server.url() + "/"));
      String region = "crash-jobs-" + System.nanoTime();
      List<SimulatedNode> nodes = new ArrayList<>();
      List<String> nodeIds = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        SimulatedNode node = new SimulatedNode(api);
        nodeIds.add(node.registerWith(node.registration(region)).json().get("id").asText());
        nodes.add(node);
      }
      try (Heartbeats beats = new Heartbeats(nodes, nodeIds)) {
        nodeIds.forEach(id -> VmApiIT.awaitOnline(api, id));
        List<JsonNode> requests = requests(region);
        String relay = NostrRelayClient.relayUrl(new URL(server.url() + "/"));

        JsonNode stored =
            NostrRelayClient.run(relay, NostrRelayClient.publishAll(requests))
                .get(0)
                .get("results");
        server.kill();
        for (JsonNode ok : stored) {
          assertTrue(ok.get("ok").asBoolean(), ok.toString());
        }
        long logged = Files.size(server.log());
        server.start();

        Map<String, List<JsonNode>> answers = awaitAnswers(relay, requests);
        for (JsonNode request : requests) {
          List<JsonNode> bids = answers.get(request.get("id").asText());
          Set<Integer> ranks = new TreeSet<>();
          for (JsonNode bid : bids) {
            assertEquals("bid", tag(bid, "status"), bid.toString());
            ranks.add(HearthApi.JSON.readTree(bid.get("content").asText()).get("rank").asInt());
          }
          assertEquals(NODES, bids.size(), "one round of bids: " + bids);
          assertEquals(NODES, ranks.size(), "one round of bids: " + bids);
        }
        Matcher recovered =
            RECOVERED.matcher(Files.readString(server.log()).substring((int) logged));
        assertTrue(
            recovered.find() && Integer.parseInt(recovered.group(1)) > 0,
            "the kill left requests unanswered, and the restart answered them");
      }
    }
  }

  private static List<JsonNode> requests(String region) throws Exception {
    EventSigner tenant = new EventSigner(NostrKeyPair.generate());
    List<JsonNode> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String spec =
          """
          {"name":"crash-%d","vcpus":1,"memoryMiB":32,"diskGiB":1,"tier":"BURSTABLE",
           "command":"sleep 3600","region":"%s"}"""
              .formatted(i, region);
      requests.add(
          HearthApi.JSON.readTree(
              tenant.sign(JOB_REQUEST, List.of(), spec, Instant.now()).toJson()));
    }
    return requests;
  }

  /** Each request's statuses, once every request has as many as there are nodes. */
  private static Map<String, List<JsonNode>> awaitAnswers(String relay, List<JsonNode> requests)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<String, List<JsonNode>> answers = new HashMap<>();
    while (true) {
      answers.clear();
      requests.forEach(r -> answers.put(r.get("id").asText(), new ArrayList<>()));
      for (int i = 0; i < requests.size(); i += 40) {
        StringBuilder ids = new StringBuilder();
        for (JsonNode request : requests.subList(i, Math.min(requests.size(), i + 40))) {
          ids.append(ids.isEmpty() ? "\"" : ",\"").append(request.get("id").asText()).append('"');
        }
        JsonNode found =
            NostrRelayClient.run(
                    relay, NostrRelayClient.query("{\"kinds\":[6900],\"#e\":[" + ids + "]}"))
                .get(0)
                .get("events");
        for (JsonNode status : found) {
          answers.get(tag(status, "e")).add(status);
        }
      }
      boolean complete = answers.values().stream().allMatch(a -> a.size() >= NODES);
      if (complete || Instant.now().isAfter(deadline)) {
        return answers;
      }
      Thread.sleep(1000);
    }
  }

  private static String tag(JsonNode event, String name) {
    for (JsonNode tag : event.get("tags")) {
      if (tag.size() >= 2 && tag.get(0).asText().equals(name)) {
        return tag.get(1).asText();
      }
    }
    return null;
  }
}
