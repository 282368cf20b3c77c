package org.hearth.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hearth.agent.config.AgentConfig;
import org.hearth.agent.host.Gpu;
import org.hearth.agent.host.HostInventory;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.InMemoryReplayGuard;
import org.hearth.protocol.nostr.nip98.Nip98Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationClientTest {

  private final NostrKeyPair key = NostrKeyPair.generate();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
  private final Nip98Verifier verifier = new Nip98Verifier(new InMemoryReplayGuard(1000));
  private HttpServer server;
  private URI base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hearth/api/nodes", this::handle);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hearth/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    int status = statuses.isEmpty() ? 201 : statuses.poll();
    String reply = "{\"id\":\"node-1\"}";
    try {
      verifier.verify(
          exchange.getRequestHeaders().getFirst("Authorization"),
          base + "api/nodes",
          exchange.getRequestMethod(),
          body,
          Instant.now());
      bodies.add(new String(body, StandardCharsets.UTF_8));
    } catch (Exception e) {
      status = 401;
      reply = "{\"detail\":\"" + e.getMessage() + "\"}";
    }
    if (status == 400) {
      reply = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"detail\":\"region: bad\"}";
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void postsTheSignedRegistrationAndReturnsTheNodeId() throws Exception {
    String id = client().register(registration(), quickBackoff());

    assertEquals("node-1", id);
    JsonNode body = new ObjectMapper().readTree(bodies.remove());
    assertEquals("m-1", body.get("machineId").asText());
    assertEquals("x86_64", body.get("arch").asText());
    assertEquals(4, body.get("cores").asInt());
    assertEquals(4000, body.get("computePoints").asLong());
    assertEquals(10, body.get("pricePerPointHour").asLong());
    assertEquals(1_000, body.get("pricePerMemoryGiBHour").asLong());
    assertEquals(50, body.get("pricePerDiskGiBHour").asLong());
    assertEquals(200_000, body.get("pricePerGpuHour").asLong());
    assertEquals("RTX 4090", body.at("/gpus/0/model").asText());
    assertEquals(24564, body.at("/gpus/0/memoryMiB").asLong());
    assertEquals(8, body.at("/policy/maxVms").asInt());
    assertEquals(512, body.at("/policy/reserved/memoryMiB").asLong());
    assertEquals("sandbox", body.at("/policy/runtimes/0").asText());
    assertEquals(4, body.at("/policy/tiers").size());
    assertTrue(body.at("/policy/outboundNetwork").isBoolean());
    assertTrue(body.path("region").isMissingNode(), "unset optional fields are left out");
  }

  @Test
  void retriesWhileTheServerIsUnavailable() throws Exception {
    statuses.addAll(List.of(503, 502, 429));

    assertEquals("node-1", client().register(registration(), quickBackoff()));
    assertEquals(4, bodies.size(), "each attempt is freshly signed, never a replay");
  }

  @Test
  void retriesWhileTheServerIsUnreachable() throws Exception {
    server.stop(0);
    Thread restart =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                server =
                    HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()), 0);
                server.createContext("/hearth/api/nodes", this::handle);
                server.start();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    restart.start();

    assertEquals("node-1", client().register(registration(), quickBackoff()));
    restart.join();
  }

  @Test
  void aRefusalIsFinalAndCarriesTheProblemDetail() {
    statuses.add(400);

    RegistrationException e =
        assertThrows(
            RegistrationException.class, () -> client().register(registration(), quickBackoff()));
    assertEquals("the server refused the registration: HTTP 400: region: bad", e.getMessage());
  }

  private RegistrationClient client() {
    return new RegistrationClient(HttpClient.newHttpClient(), base, key);
  }

  private static Backoff quickBackoff() {
    return new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), () -> 0.999);
  }

  private static NodeRegistration registration() throws Exception {
    AgentConfig config = AgentConfig.parse(new Properties());
    HostInventory host =
        new HostInventory("x86_64", 4, 8192, 100, List.of(new Gpu("RTX 4090", 24564)));
    return NodeRegistration.of("m-1", config, host, 4000);
  }
}
