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
 * kill -9 right after a burst of job requests and feedback is stored: the market answers each after
 * the relay stored it, asynchronously, so the server dies with events stored and not answered.
 * After the restart every request has had one round of bids and every feedback one refusal (it
 * names a job that never was): none is left unanswered, none is answered twice.
 */
class JobCrashIT {

  private static final int JOB_REQUEST = 5900;
  private static final int FEEDBACK = 7900;
  private static final int REQUESTS = 300;

  /** A feedback after every third request. */
  private static final int REQUESTS_PER_FEEDBACK = 3;

  private static final int NODES = 10;

  /** The kill comes once this many requests are stored, while the others are still arriving. */
  private static final int OKS_BEFORE_KILL = 100;

  private static final Pattern RECOVERED =
      Pattern.compile("(\\d+) job requests, acceptances and feedback stored before the last stop");

  @Test
  void requestsAndFeedbackStoredBeforeAKillAreAnsweredOnceAfterTheRestart() throws Exception {
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
        List<JsonNode> events = requestsAndFeedback(region);
        String relay = NostrRelayClient.relayUrl(new URL(server.url() + "/"));

        JsonNode answered =
            NostrRelayClient.run(relay, NostrRelayClient.publishAll(events, OKS_BEFORE_KILL))
                .get(0)
                .get("results");
        server.kill();
        for (JsonNode ok : answered) {
          assertTrue(ok.get("ok").asBoolean(), ok.toString());
        }
        long logged = Files.size(server.log());
        server.start();

        List<JsonNode> kept = stored(relay, events);
        Set<String> keptIds = new HashSet<>();
        kept.forEach(event -> keptIds.add(event.get("id").asText()));
        for (JsonNode ok : answered) {
          assertTrue(keptIds.contains(ok.get("id").asText()), "kept after its OK: " + ok);
        }
        // Statuses name the job: a request's own id, the job a feedback is on.
        Map<String, Integer> expected = new HashMap<>();
        for (JsonNode event : kept) {
          boolean request = event.get("kind").asInt() == JOB_REQUEST;
          expected.put(request ? event.get("id").asText() : tag(event, "e"), request ? NODES : 1);
        }
        Map<String, List<JsonNode>> answers = awaitAnswers(relay, expected);
        for (JsonNode event : kept) {
          if (event.get("kind").asInt() == JOB_REQUEST) {
            assertOneRoundOfBids(answers.get(event.get("id").asText()));
          } else {
            List<JsonNode> refusals = answers.get(tag(event, "e"));
            assertEquals(1, refusals.size(), "one refusal of " + event + ": " + refusals);
            assertEquals("error", tag(refusals.get(0), "status"), refusals.toString());
          }
        }
        byte[] log = Files.readAllBytes(server.log());
        Matcher recovered =
            RECOVERED.matcher(
                new String(log, (int) logged, log.length - (int) logged, StandardCharsets.UTF_8));
        assertTrue(
            recovered.find() && Integer.parseInt(recovered.group(1)) > 0,
            "the kill left some of the "
                + kept.size()
                + " events unanswered, and the restart"
                + " answered them");
      }
    }
  }

  private static void assertOneRoundOfBids(List<JsonNode> bids) throws Exception {
    Set<Integer> ranks = new TreeSet<>();
    for (JsonNode bid : bids) {
      assertEquals("bid", tag(bid, "status"), bid.toString());
      ranks.add(HearthApi.JSON.readTree(bid.get("content").asText()).get("rank").asInt());
    }
    assertEquals(NODES, bids.size(), "one round of bids: " + bids);
    assertEquals(NODES, ranks.size(), "one round of bids: " + bids);
  }

  /** The requests, with a feedback on a job that never was after every third. */
  private static List<JsonNode> requestsAndFeedback(String region) throws Exception {
    EventSigner tenant = new EventSigner(NostrKeyPair.generate());
    List<JsonNode> events = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String spec =
          """
          {"name":"crash-%d","vcpus":1,"memoryMiB":32,"diskGiB":1,"tier":"BURSTABLE",
           "command":"sleep 3600","region":"%s"}"""
              .formatted(i, region);
      events.add(
          HearthApi.JSON.readTree(
              tenant.sign(JOB_REQUEST, List.of(), spec, Instant.now()).toJson()));
      if (i % REQUESTS_PER_FEEDBACK == REQUESTS_PER_FEEDBACK - 1) {
        String job = NostrKeyPair.generate().publicKeyHex();
        List<List<String>> tags = List.of(List.of("e", job), List.of("rating", "4"));
        events.add(
            HearthApi.JSON.readTree(
                tenant.sign(FEEDBACK, tags, "feedback " + i, Instant.now()).toJson()));
      }
    }
    return events;
  }

  /** The events the relay has stored. */
  private static List<JsonNode> stored(String relay, List<JsonNode> events) throws Exception {
    List<String> ids = events.stream().map(event -> event.get("id").asText()).toList();
    List<JsonNode> kept = new ArrayList<>();
    for (List<String> chunk : chunks(ids)) {
      String filter = "{\"ids\":[" + quoted(chunk) + "]}";
      NostrRelayClient.run(relay, NostrRelayClient.query(filter))
          .get(0)
          .get("events")
          .forEach(kept::add);
    }
    return kept;
  }

  /** The statuses naming each job, once each job has as many as {@code expected} says. */
  private static Map<String, List<JsonNode>> awaitAnswers(
      String relay, Map<String, Integer> expected) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    Map<String, List<JsonNode>> answers = new HashMap<>();
    List<String> jobs = List.copyOf(expected.keySet());
    while (true) {
      answers.clear();
      jobs.forEach(job -> answers.put(job, new ArrayList<>()));
      for (List<String> chunk : chunks(jobs)) {
        String filter = "{\"kinds\":[6900],\"#e\":[" + quoted(chunk) + "]}";
        JsonNode found =
            NostrRelayClient.run(relay, NostrRelayClient.query(filter)).get(0).get("events");
        for (JsonNode status : found) {
          answers.get(tag(status, "e")).add(status);
        }
      }
      boolean complete =
          expected.entrySet().stream()
              .allMatch(job -> answers.get(job.getKey()).size() >= job.getValue());
      if (complete || Instant.now().isAfter(deadline)) {
        return answers;
      }
      Thread.sleep(1000);
    }
  }

  /** Forty ids at a time: the bids on forty jobs stay under the relay's limit per query (500). */
  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 40) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 40)));
    }
    return chunks;
  }

  /** The values as JSON strings, comma-separated. */
  private static String quoted(List<String> values) {
    StringBuilder quoted = new StringBuilder();
    for (String value : values) {
      quoted.append(quoted.isEmpty() ? "\"" : ",\"").append(value).append('"');
    }
    return quoted.toString();
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
