package org.hearth.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hearth.it.NostrRelayClient.publish;
import static org.hearth.it.NostrRelayClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over its budget a client gets 429 with {@code Retry-After}, and is served again once it has
 * waited that long; other addresses and accounts keep their own budgets. The relay's budgets refuse
 * one message at a time ({@code rate-limited:}) and keep the connection. The test runs its own
 * server with small limits (the other tests run with the generous defaults), and its clients send
 * from different loopback addresses.
 */
class RateLimitIT {

  private static final Map<String, String> SMALL_LIMITS =
      Map.of(
          "HEARTH_RATE_LIMIT_WINDOW", "PT30S",
          "HEARTH_RATE_LIMIT_SIGN_IN_PER_IP", "3",
          "HEARTH_RATE_LIMIT_WRITES_PER_IP", "5",
          "HEARTH_RATE_LIMIT_WRITES_PER_CALLER", "2",
          "HEARTH_RELAY_RATE_EVENTS_PER_KEY", "2",
          "HEARTH_RELAY_RATE_EVENTS_PER_IP", "4",
          "HEARTH_RELAY_RATE_REQS_PER_IP", "3");

  private static PayaraServer server;
  private static HearthApi api;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = PayaraServer.ownDatabase("rate-limit-data");
    env.putAll(SMALL_LIMITS);
    // A port of its own: on the suite's port, the shared server may still be answering while it
    // stops, and the readiness check then took its answer for this server's.
    server =
        PayaraServer.withEnvironment(Integer.getInteger("hearth.it.port", 18080) + 7, env).start();
    api = new HearthApi(new URL(server.url() + "/"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void signInIsLimitedPerAddress() throws Exception {
    LoopbackClient client = client("127.0.0.11");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, client.send("POST", "api/auth/nostr/challenge", "", null).status());
    }
    LoopbackClient.Response refused = client.send("POST", "api/auth/nostr/challenge", "", null);
    long retryAfter = assertRateLimited(refused, 10);

    assertEquals(
        200, client("127.0.0.12").send("POST", "api/auth/nostr/challenge", "", null).status());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, client.send("POST", "api/auth/nostr/challenge", "", null).status());
  }

  @Test
  void writesAreLimitedPerAccount() throws Exception {
    LoopbackClient client = client("127.0.0.21");
    NostrKeyPair busy = NostrKeyPair.generate();
    assertEquals(200, rename(client, busy, "one").status());
    assertEquals(200, rename(client, busy, "two").status());
    LoopbackClient.Response refused = rename(client, busy, "three");
    long retryAfter = assertRateLimited(refused, 15);
    assertTrue(refused.body().contains("this account"), refused.toString());

    assertEquals(200, rename(client, NostrKeyPair.generate(), "other").status());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, rename(client, busy, "four").status());
  }

  @Test
  void writesAreLimitedPerAddressAndARefusedWriteChangesNothing() throws Exception {
    LoopbackClient client = client("127.0.0.31");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, rename(client, NostrKeyPair.generate(), "fresh").status());
    }
    NostrKeyPair late = NostrKeyPair.generate();
    LoopbackClient.Response refused = rename(client, late, "refused");
    long retryAfter = assertRateLimited(refused, 6);
    assertTrue(refused.body().contains("this address"), refused.toString());
    // Reads are not limited; the refused write did not happen.
    LoopbackClient.Response account =
        client.send("GET", "api/account", null, sign(late, "GET", ""));
    assertEquals(200, account.status());
    assertTrue(!account.body().contains("refused"), account.toString());

    assertEquals(200, rename(client("127.0.0.32"), NostrKeyPair.generate(), "elsewhere").status());

    Thread.sleep(retryAfter * 1000);
    assertEquals(200, rename(client, late, "served").status());
  }

  @Test
  void relayEventsAreLimitedPerKeyAndAddressAndSubscriptionsPerAddress() throws Exception {
    NostrKeyPair busy = NostrKeyPair.generate();
    long now = Instant.now().getEpochSecond();
    JsonNode first =
        NostrRelayClient.runFrom(
            "127.0.0.41",
            relayUrl(),
            publish(note(busy, now)),
            publish(note(busy, now + 1)),
            publish(note(busy, now + 2)),
            publish(note(NostrKeyPair.generate(), now)),
            publish(note(NostrKeyPair.generate(), now)),
            query("{\"limit\":1}"),
            query("{\"limit\":1}"),
            query("{\"limit\":1}"),
            query("{\"limit\":1}"));
    assertTrue(first.get(0).get("ok").asBoolean(), first.toString());
    assertTrue(first.get(1).get("ok").asBoolean(), first.toString());
    assertRelayRateLimited(first.get(2).get("message"), "this key");
    assertTrue(first.get(3).get("ok").asBoolean(), "another key: " + first);
    assertRelayRateLimited(first.get(4).get("message"), "this address");
    for (int i = 5; i < 8; i++) {
      assertTrue(first.get(i).get("closed").isNull(), first.toString());
    }
    assertRelayRateLimited(first.get(8).get("closed"), "this address");

    JsonNode second =
        NostrRelayClient.runFrom(
            "127.0.0.42",
            relayUrl(),
            publish(note(busy, now + 3)),
            publish(note(NostrKeyPair.generate(), now)),
            query("{\"limit\":1}"));
    assertRelayRateLimited(second.get(0).get("message"), "this key");
    assertTrue(second.get(1).get("ok").asBoolean(), "another address: " + second);
    assertTrue(second.get(2).get("closed").isNull(), second.toString());
  }

  @Test
  void eventsReadFromAnExternalRelaySpendTheirAuthorsBudget() throws Exception {
    try (ThirdPartyRelay external = new ThirdPartyRelay()) {
      ThirdPartyRelay.awaitHealth(api, external.url(), h -> h.get("connected").asBoolean());
      long receivedBefore =
          ThirdPartyRelay.awaitHealth(api, external.url(), h -> true).get("received").asLong();
      RelayPeer there = new RelayPeer(external.url());
      NostrKeyPair spammer = NostrKeyPair.generate();
      for (int i = 0; i < 3; i++) {
        JsonNode request = RelayPeer.event(spammer, 5900, List.of(), "{\"spam\":" + i + "}");
        assertTrue(there.publish(request).get("ok").asBoolean(), request.toString());
      }
      ThirdPartyRelay.awaitHealth(
          api, external.url(), h -> h.get("received").asLong() >= receivedBefore + 3);

      String mine = "{\"kinds\":[5900],\"authors\":[\"" + spammer.publicKeyHex() + "\"]}";
      RelayPeer here = new RelayPeer(relayUrl());
      for (int i = 0; i < 100 && here.query(mine).size() < 2; i++) {
        Thread.sleep(200);
      }
      Thread.sleep(1000); // all three were received: the third has had its turn
      assertEquals(2, here.query(mine).size(), "the key's budget is 2");
    }
  }

  private static String relayUrl() {
    return "ws://127.0.0.1:" + server.port + "/relay";
  }

  private static JsonNode note(NostrKeyPair key, long at) throws Exception {
    return NostrRelayClient.event(key, 1, List.of(), at);
  }

  private static void assertRelayRateLimited(JsonNode reason, String whose) {
    assertTrue(reason.asText().startsWith("rate-limited: "), reason.toString());
    assertTrue(reason.asText().contains(whose), reason.toString());
  }

  /** Checks a 429 problem answer and returns its {@code Retry-After} in seconds. */
  private static long assertRateLimited(LoopbackClient.Response response, long atMostSeconds) {
    assertEquals(429, response.status(), response.toString());
    assertTrue(
        response.header("Content-Type").startsWith("application/problem+json"),
        response.header("Content-Type"));
    assertTrue(response.body().contains("\"urn:hearth:problem:rate-limited\""), response.body());
    long retryAfter = Long.parseLong(response.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= atMostSeconds, "Retry-After " + retryAfter + " s");
    return retryAfter;
  }

  private static LoopbackClient client(String sourceAddress) {
    return new LoopbackClient(sourceAddress, server.port);
  }

  private static LoopbackClient.Response rename(
      LoopbackClient client, NostrKeyPair key, String name) throws IOException {
    String body = "{\"displayName\":\"" + name + "\"}";
    return client.send("PATCH", "api/account", body, sign(key, "PATCH", body));
  }

  private static String sign(NostrKeyPair key, String method, String body) {
    return new Nip98Signer(key)
        .authorizationHeader(api.url("api/account"), method, body.getBytes(UTF_8), Instant.now());
  }
}
