package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
  private static final int NODES = 10;

  /** The kill comes once this many requests are stored, while the others are still arriving. */
  private static final int OKS_BEFORE_KILL = 100;

  private static final Pattern RECOVERED =
      Pattern.compile("(\\d+) job requests, acceptances and feedback stored before the last stop");

  @Test
  void requestsStoredBeforeAKillAreAnsweredOnceAfterTheRestart() throws Exception {
    int port = Integer.getInteger("hearth.it.port", 18080) + 6;
    Map<String, String> env = new HashMap<>(PayaraServer.ownDatabase("job-crash-data"));
    // The nodes stay online through the restart, so the requests answered after it get bids too.
    env.put("HEARTH_NODE_OFFLINE_AFTER", "PT10M");
    // A bid per node: answering takes longer than storing, so the kill finds requests unanswered.
    env.put("HEARTH_COMPUTE_MAX_BIDS", Integer.toString(NODES));
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

        JsonNode answered =
            NostrRelayClient.run(relay, NostrRelayClient.publishAll(requests, OKS_BEFORE_KILL))
                .get(0)
                .get("results");
        server.kill();
        for (JsonNode ok : answered) {
          assertTrue(ok.get("ok").asBoolean(), ok.toString());
        }
        long logged = Files.size(server.log());
        server.start();

        List<JsonNode> kept = stored(relay, requests);
        Set<String> keptIds = new HashSet<>();
        kept.forEach(request -> keptIds.add(request.get("id").asText()));
        for (JsonNode ok : answered) {
          assertTrue(keptIds.contains(ok.get("id").asText()), "kept after its OK: " + ok);
        }
        Map<String, List<JsonNode>> answers = awaitAnswers(relay, kept);
        for (JsonNode request : kept) {
          List<JsonNode> bids = answers.get(request.get("id").asText());
          Set<Integer> ranks = new TreeSet<>();
          for (JsonNode bid : bids) {
            assertEquals("bid", tag(bid, "status"), bid.toString());
            ranks.add(HearthApi.JSON.readTree(bid.get("content").asText()).get("rank").asInt());
          }
          assertEquals(NODES, bids.size(), "one round of bids: " + bids);
          assertEquals(NODES, ranks.size(), "one round of bids: " + bids);
        }
        byte[] log = Files.readAllBytes(server.log());
        Matcher recovered =
            RECOVERED.matcher(
                new String(log, (int) logged, log.length - (int) logged, StandardCharsets.UTF_8));
        assertTrue(
            recovered.find() && Integer.parseInt(recovered.group(1)) > 0,
            "the kill left some of the "
                + kept.size()
                + " requests unanswered, and the restart"
                + " answered them");
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

  /** The requests the relay has stored. */
  private static List<JsonNode> stored(String relay, List<JsonNode> requests) throws Exception {
    List<JsonNode> kept = new ArrayList<>();
    for (List<JsonNode> chunk : chunks(requests)) {
      String filter = "{\"ids\":[" + ids(chunk) + "]}";
      NostrRelayClient.run(relay, NostrRelayClient.query(filter))
          .get(0)
          .get("events")
          .forEach(kept::add);
    }
    return kept;
  }

  /** Each request's statuses, once every request has as many as there are nodes. */
  private static Map<String, List<JsonNode>> awaitAnswers(String relay, List<JsonNode> requests)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<String, List<JsonNode>> answers = new HashMap<>();
    while (true) {
      answers.clear();
      requests.forEach(r -> answers.put(r.get("id").asText(), new ArrayList<>()));
      for (List<JsonNode> chunk : chunks(requests)) {
        String filter = "{\"kinds\":[6900],\"#e\":[" + ids(chunk) + "]}";
        JsonNode found =
            NostrRelayClient.run(relay, NostrRelayClient.query(filter)).get(0).get("events");
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

  /** Forty requests at a time: their bids stay under the relay's limit per query (500). */
  private static List<List<JsonNode>> chunks(List<JsonNode> requests) {
    List<List<JsonNode>> chunks = new ArrayList<>();
    for (int i = 0; i < requests.size(); i += 40) {
      chunks.add(requests.subList(i, Math.min(requests.size(), i + 40)));
    }
    return chunks;
  }

  /** The events' ids as JSON strings, comma-separated. */
  private static String ids(List<JsonNode> events) {
    StringBuilder ids = new StringBuilder();
    for (JsonNode event : events) {
      ids.append(ids.isEmpty() ? "\"" : ",\"").append(event.get("id").asText()).append('"');
    }
    return ids.toString();
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
