package org.hearth.it;

import static org.hearth.it.NostrRelayClient.auth;
import static org.hearth.it.NostrRelayClient.event;
import static org.hearth.it.NostrRelayClient.ids;
import static org.hearth.it.NostrRelayClient.publish;
import static org.hearth.it.NostrRelayClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded relay against nostr-tools' own Relay client (publish, filters, replaceable and
 * addressable events, deletion, expiration, live delivery, NIP-42 authentication), against a raw
 * WebSocket for bad input, and its NIP-11 document. The tests' server requires authentication to
 * publish kind 4 only ({@code HEARTH_RELAY_AUTH_REQUIRED_KINDS} in the failsafe configuration).
 */
@ExtendWith(ArquillianExtension.class)
class RelayIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  /** The relay on localhost, its public URL (NIP-42 AUTH events must name its host). */
  private String relayUrl() {
    return NostrRelayClient.relayUrl(base);
  }

  /** One nostr-tools session: runs the ops in order, returns one result per op. */
  private JsonNode run(ObjectNode... ops) throws Exception {
    return NostrRelayClient.run(relayUrl(), ops);
  }

  private static void assertAccepted(JsonNode published) {
    assertTrue(published.get("ok").asBoolean(), published.toString());
  }

  @Test
  void storesAndFiltersEventsForNostrTools() throws Exception {
    NostrKeyPair alice = NostrKeyPair.generate();
    NostrKeyPair bob = NostrKeyPair.generate();
    long t = Instant.now().getEpochSecond() - 100;
    String topic = "hearth-" + System.nanoTime();
    JsonNode a1 = event(alice, 1, List.of(List.of("t", topic)), t);
    JsonNode a2 =
        event(alice, 1, List.of(List.of("t", topic), List.of("p", bob.publicKeyHex())), t + 10);
    JsonNode b1 = event(bob, 7, List.of(List.of("t", topic)), t + 20);
    String alicePk = alice.publicKeyHex();
    JsonNode results =
        run(
            publish(a1),
            publish(a2),
            publish(b1),
            publish(a1),
            query("{\"#t\":[\"" + topic + "\"]}"),
            query("{\"authors\":[\"" + alicePk + "\"]}"),
            query("{\"#t\":[\"" + topic + "\"],\"kinds\":[7]}"),
            query("{\"#p\":[\"" + bob.publicKeyHex() + "\"]}"),
            query(
                "{\"#t\":[\""
                    + topic
                    + "\"],\"since\":"
                    + (t + 5)
                    + ",\"until\":"
                    + (t + 15)
                    + "}"),
            query("{\"#t\":[\"" + topic + "\"],\"limit\":2}"),
            query("{\"#t\":[\"" + topic + "\",\"elsewhere\"],\"limit\":2}"),
            query(
                "{\"#t\":[\""
                    + topic
                    + "\"],\"#p\":[\""
                    + bob.publicKeyHex()
                    + "\",\""
                    + alicePk
                    + "\"]}"),
            query(
                "{\"ids\":[\"" + b1.get("id").asText() + "\"]}",
                "{\"authors\":[\"" + alicePk + "\"],\"limit\":1}"));
    for (int i = 0; i < 3; i++) {
      assertAccepted(results.get(i));
    }
    assertTrue(results.get(3).get("message").asText().startsWith("duplicate:"), results.toString());
    String[] id = {a1.get("id").asText(), a2.get("id").asText(), b1.get("id").asText()};
    assertEquals(List.of(id[2], id[1], id[0]), ids(results.get(4)), "newest first");
    assertEquals(List.of(id[1], id[0]), ids(results.get(5)));
    assertEquals(List.of(id[2]), ids(results.get(6)));
    assertEquals(List.of(id[1]), ids(results.get(7)));
    assertEquals(List.of(id[1]), ids(results.get(8)));
    assertEquals(List.of(id[2], id[1]), ids(results.get(9)));
    assertEquals(List.of(id[2], id[1]), ids(results.get(10)), "a tag with two values");
    assertEquals(List.of(id[1]), ids(results.get(11)), "two tags, one with two values");
    assertEquals(List.of(id[2], id[1]), ids(results.get(12)), "two filters, merged");
    assertEquals(a1, results.get(4).get("events").get(2), "served exactly as signed");
  }

  @Test
  void keepsTheNewestReplaceableAndAddressableVersionsAndHonoursDeletionAndExpiry()
      throws Exception {
    NostrKeyPair key = NostrKeyPair.generate();
    String pk = key.publicKeyHex();
    long t = Instant.now().getEpochSecond() - 100;
    JsonNode profileOld = event(key, 0, List.of(), t);
    JsonNode profileNew = event(key, 0, List.of(), t + 1);
    JsonNode offerA1 = event(key, 31900, List.of(List.of("d", "node-a")), t);
    JsonNode offerA2 = event(key, 31900, List.of(List.of("d", "node-a")), t + 5);
    JsonNode offerB = event(key, 31900, List.of(List.of("d", "node-b")), t + 1);
    JsonNode note = event(key, 1, List.of(), t);
    JsonNode deletion = event(key, 5, List.of(List.of("e", note.get("id").asText())), t + 2);
    JsonNode expired = event(key, 1, List.of(List.of("expiration", String.valueOf(t))), t);
    long soon = Instant.now().getEpochSecond() + 6; // after the publishes, on a slow machine too
    JsonNode expiring = event(key, 1, List.of(List.of("expiration", String.valueOf(soon))), t + 3);
    JsonNode r =
        run(
            publish(profileNew),
            publish(profileOld),
            publish(offerA1),
            publish(offerA2),
            publish(offerB),
            publish(note),
            publish(deletion),
            publish(note),
            publish(expired),
            publish(expiring),
            query("{\"authors\":[\"" + pk + "\"],\"kinds\":[0]}"),
            query("{\"authors\":[\"" + pk + "\"],\"kinds\":[31900]}"),
            query("{\"authors\":[\"" + pk + "\"],\"kinds\":[1]}"));
    assertTrue(r.get(1).get("message").asText().startsWith("duplicate:"), r.toString());
    assertFalse(r.get(7).get("ok").asBoolean(), "a deleted event is not taken again: " + r);
    assertTrue(r.get(7).get("message").asText().startsWith("blocked:"), r.toString());
    assertFalse(r.get(8).get("ok").asBoolean(), r.toString());
    assertTrue(r.get(8).get("message").asText().startsWith("invalid:"), r.toString());
    assertEquals(List.of(profileNew.get("id").asText()), ids(r.get(10)));
    assertEquals(List.of(offerA2.get("id").asText(), offerB.get("id").asText()), ids(r.get(11)));
    assertEquals(List.of(expiring.get("id").asText()), ids(r.get(12)), "the note was deleted");

    Thread.sleep(Math.max(0, (soon + 1) * 1000 - System.currentTimeMillis()));
    JsonNode later = run(query("{\"authors\":[\"" + pk + "\"],\"kinds\":[1]}"));
    assertEquals(List.of(), ids(later.get(0)), "expired events are no longer served");
  }

  @Test
  void deliversNewEventsLiveIncludingEphemeralOnesThatAreNotStored() throws Exception {
    NostrKeyPair key = NostrKeyPair.generate();
    String pk = key.publicKeyHex();
    long now = Instant.now().getEpochSecond();
    JsonNode ephemeral = event(key, 20001, List.of(), now);
    ObjectNode live = HearthApi.JSON.createObjectNode().put("op", "live");
    live.putArray("filters").add(HearthApi.JSON.readTree("{\"authors\":[\"" + pk + "\"]}"));
    live.set("event", ephemeral);
    JsonNode r = run(live, query("{\"authors\":[\"" + pk + "\"]}"));
    assertAccepted(r.get(0).get("published"));
    assertEquals(List.of(ephemeral.get("id").asText()), listOf(r.get(0).get("received")));
    assertEquals(List.of(), ids(r.get(1)), "ephemeral events are not stored");
  }

  /**
   * On PostgreSQL a second server shares the database, and the two are one relay: a subscriber of
   * one server gets what is published to the other, live.
   */
  @Test
  void aSubscriberOfOneServerGetsWhatIsPublishedToAnother() throws Exception {
    Optional<PayaraServer> second =
        PayaraServer.secondOnSharedDatabase(Integer.getInteger("hearth.it.port") + 1);
    assumeTrue(second.isPresent(), "needs a database two servers share (PostgreSQL)");
    try (PayaraServer other = second.get()) {
      NostrKeyPair key = NostrKeyPair.generate();
      JsonNode note = event(key, 1, List.of(), Instant.now().getEpochSecond());
      String id = note.get("id").asText();
      try (TerminalClient subscriber = TerminalClient.connect(relayUrl())) {
        subscriber.sendText("[\"REQ\",\"feed\",{\"authors\":[\"" + key.publicKeyHex() + "\"]}]");
        awaitMessage(subscriber, m -> m.get(0).asText().equals("EOSE"));
        String otherRelay = NostrRelayClient.relayUrl(URI.create(other.url() + "/").toURL());
        assertAccepted(NostrRelayClient.run(otherRelay, publish(note)).get(0));
        awaitMessage(
            subscriber,
            m -> m.get(0).asText().equals("EVENT") && m.get(2).get("id").asText().equals(id));
      }
    }
  }

  private static List<String> listOf(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void answersBadInputWithMachineReadableRefusalsAndKeepsTheConnection() throws Exception {
    NostrKeyPair key = NostrKeyPair.generate();
    JsonNode good = event(key, 1, List.of(), Instant.now().getEpochSecond());
    ObjectNode forged = good.deepCopy();
    String sig = forged.get("sig").asText();
    forged.put("sig", (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1));
    ObjectNode tampered = good.deepCopy();
    tampered.put("content", "changed");
    JsonNode future = event(key, 1, List.of(), Instant.now().getEpochSecond() + 3600);
    try (TerminalClient client = TerminalClient.connect(relayUrl())) {
      awaitMessage(client, m -> m.get(0).asText().equals("AUTH") && m.get(1).isTextual());
      client.sendText("not json");
      awaitMessage(
          client, m -> m.get(0).asText().equals("NOTICE") && prefixed(m.get(1), "invalid:"));
      client.sendText("[\"EVENT\"," + forged + "]");
      awaitMessage(client, m -> ok(m, forged, false, "invalid:"));
      client.sendText("[\"AUTH\",\"not an event\"]");
      awaitMessage(
          client, m -> m.get(0).asText().equals("NOTICE") && prefixed(m.get(1), "invalid:"));
      client.sendText("[\"EVENT\"," + tampered + "]");
      awaitMessage(client, m -> ok(m, tampered, false, "invalid:"));
      client.sendText("[\"EVENT\"," + future + "]");
      awaitMessage(client, m -> ok(m, future, false, "invalid:"));
      client.sendText("[\"REQ\",\"many\"" + ",{}".repeat(11) + "]");
      awaitMessage(client, m -> closed(m, "many", "invalid:"));
      client.sendText("[\"REQ\",\"bad\",{\"kinds\":[\"one\"]}]");
      awaitMessage(client, m -> closed(m, "bad", "invalid:"));
      client.sendText(
          "[\"REQ\",\"x\",{\"ids\":[\""
              + "a".repeat(64)
              + "\"],"
              + "\"#t\":[\""
              + "y".repeat(140_000)
              + "\"]}]");
      awaitMessage(
          client, m -> m.get(0).asText().equals("NOTICE") && m.get(1).asText().contains("larger"));
      for (int i = 0; i < 20; i++) {
        client.sendText("[\"REQ\",\"s" + i + "\",{\"limit\":0}]");
      }
      client.sendText("[\"REQ\",\"s20\",{\"limit\":0}]");
      awaitMessage(client, m -> closed(m, "s20", "blocked:"));

      // Still the same connection, and it works.
      client.sendText("[\"EVENT\"," + good + "]");
      awaitMessage(client, m -> ok(m, good, true, ""));
      client.sendText("[\"CLOSE\",\"s0\"]");
      client.sendText("[\"REQ\",\"after\",{\"ids\":[\"" + good.get("id").asText() + "\"]}]");
      awaitMessage(
          client,
          m ->
              m.get(0).asText().equals("EVENT")
                  && m.get(1).asText().equals("after")
                  && m.get(2).equals(good));
      awaitMessage(
          client, m -> m.get(0).asText().equals("EOSE") && m.get(1).asText().equals("after"));
      assertFalse(client.closed.isDone(), "the connection stays open");
    }
  }

  @Test
  void authenticatesKeysWithNip42AndTakesKindFourOnlyFromThem() throws Exception {
    NostrKeyPair alice = NostrKeyPair.generate();
    NostrKeyPair mallory = NostrKeyPair.generate();
    long now = Instant.now().getEpochSecond();
    JsonNode aliceDm = event(alice, 4, List.of(List.of("p", mallory.publicKeyHex())), now);
    JsonNode malloryDm = event(mallory, 4, List.of(List.of("p", alice.publicKeyHex())), now);
    JsonNode note = event(mallory, 1, List.of(), now);
    JsonNode authAsEvent =
        event(alice, 22242, List.of(List.of("relay", relayUrl()), List.of("challenge", "x")), now);
    JsonNode r =
        run(
            publish(aliceDm),
            auth(alice).put("challenge", "not-this-connections-challenge"),
            auth(alice).put("relay", "ws://elsewhere.example/relay"),
            auth(alice).put("forge", true),
            auth(alice).put("created_at", now - 3600),
            publish(aliceDm),
            auth(alice),
            publish(aliceDm),
            publish(malloryDm),
            publish(note),
            publish(authAsEvent),
            query(
                "{\"ids\":[\""
                    + aliceDm.get("id").asText()
                    + "\",\""
                    + malloryDm.get("id").asText()
                    + "\"]}"));
    assertRefused(r.get(0), "auth-required:");
    for (int i = 1; i <= 4; i++) {
      assertRefused(r.get(i), "invalid:");
    }
    assertTrue(r.get(1).get("message").asText().contains("challenge"), r.toString());
    assertTrue(r.get(2).get("message").asText().contains("relay"), r.toString());
    assertTrue(r.get(3).get("message").asText().contains("signature"), r.toString());
    assertTrue(r.get(4).get("message").asText().contains("created_at"), r.toString());
    assertRefused(r.get(5), "auth-required:");
    assertAccepted(r.get(6));
    assertAccepted(r.get(7));
    assertRefused(r.get(8), "restricted:");
    assertAccepted(r.get(9));
    assertRefused(r.get(10), "invalid:");
    assertEquals(List.of(aliceDm.get("id").asText()), ids(r.get(11)));

    String challenge = r.get(1).get("challenge").asText();
    assertTrue(challenge.length() >= 32, challenge);
    JsonNode again = run(auth(mallory), publish(malloryDm));
    assertAccepted(again.get(0));
    assertAccepted(again.get(1));
    assertFalse(
        challenge.equals(again.get(0).get("challenge").asText()), "a challenge per connection");
  }

  private static void assertRefused(JsonNode result, String prefix) {
    assertFalse(result.get("ok").asBoolean(), result.toString());
    assertTrue(result.get("message").asText().startsWith(prefix), result.toString());
  }

  @Test
  void publishesItsInformationDocument() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "relay"))
                    .header("Accept", "application/nostr+json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/nostr+json"));
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    JsonNode doc = HearthApi.JSON.readTree(response.body());
    assertEquals("Hearth", doc.get("name").asText());
    List<Integer> nips = new ArrayList<>();
    doc.get("supported_nips").forEach(n -> nips.add(n.asInt()));
    assertTrue(nips.containsAll(List.of(1, 9, 11, 40, 42)), doc.toString());
    JsonNode limits = doc.get("limitation");
    assertEquals(131072, limits.get("max_message_length").asInt());
    assertEquals(20, limits.get("max_subscriptions").asInt());
    assertEquals(10, limits.get("max_filters").asInt());
    assertEquals(500, limits.get("max_limit").asInt());
    assertFalse(limits.get("auth_required").asBoolean(), "reading never needs authentication");
    assertTrue(limits.get("restricted_writes").asBoolean(), "kind 4 needs authentication");
  }

  private static boolean prefixed(JsonNode message, String prefix) {
    return message != null && message.asText().startsWith(prefix);
  }

  private static boolean ok(JsonNode m, JsonNode event, boolean accepted, String prefix) {
    return m.get(0).asText().equals("OK")
        && m.get(1).asText().equals(event.get("id").asText())
        && m.get(2).asBoolean() == accepted
        && prefixed(m.get(3), prefix);
  }

  private static boolean closed(JsonNode m, String subscription, String prefix) {
    return m.get(0).asText().equals("CLOSED")
        && m.get(1).asText().equals(subscription)
        && prefixed(m.get(2), prefix);
  }

  private static void awaitMessage(TerminalClient client, Predicate<JsonNode> wanted)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (String text : client.controlMessages) {
        JsonNode message = HearthApi.JSON.readTree(text);
        if (wanted.test(message)) {
          client.controlMessages.remove(text);
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such message; got " + client.controlMessages);
  }
}
