package org.hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/**
 * A tenant of a running Hearth, as a client program is one: its own Nostr key, every request to
 * {@code /api/vms} signed with NIP-98. Also reads the public node list, to wait for an agent.
 */
final class HearthTenant {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> ENDED = Set.of("FAILED", "LOST", "TERMINATED");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Nip98Signer signer = new Nip98Signer(NostrKeyPair.generate());
  private final URI server;
  private final String publicUrl;

  /**
   * @param publicUrl the server's hearth.public-url, which the signatures name
   */
  HearthTenant(URI server, String publicUrl) {
    this.server = server;
    this.publicUrl = publicUrl;
  }

  JsonNode post(String path, String json) throws IOException, InterruptedException {
    return send(path, "POST", json);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(path, "GET", null);
  }

  JsonNode delete(String path) throws IOException, InterruptedException {
    return send(path, "DELETE", null);
  }

  /** Creates a VM from a {@code POST /api/vms} body and returns its id. */
  String createVm(String json) throws IOException, InterruptedException {
    return post("/api/vms", json).get("id").asText();
  }

  /**
   * Polls {@code GET /api/vms/{id}} every {@code poll} until the VM is in {@code state}.
   *
   * @return the VM as first seen in that state
   * @throws IllegalStateException when the VM ends otherwise or does not get there in time
   */
  JsonNode awaitVm(String vmId, String state, Duration poll, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode vm = get("/api/vms/" + vmId);
      String now = vm.path("state").asText();
      if (now.equals(state)) {
        return vm;
      }
      if (ENDED.contains(now)) {
        throw new IllegalStateException("VM ended " + now + " waiting for " + state + ": " + vm);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("VM not " + state + " after " + timeout + ": " + vm);
      }
      Thread.sleep(poll.toMillis(), poll.toNanosPart() % 1_000_000);
    }
  }

  /** Deletes a VM and waits until its node has released it. */
  void deleteVm(String vmId) throws IOException, InterruptedException {
    delete("/api/vms/" + vmId);
    awaitVm(vmId, "TERMINATED", Duration.ofMillis(50), Duration.ofSeconds(60));
  }

  /** Waits until some node is ONLINE (a freshly started agent benchmarks its CPU first). */
  void awaitOnlineNode(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (get("/api/nodes?status=ONLINE").path("total").asLong() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no node came ONLINE within " + timeout);
      }
      Thread.sleep(500);
    }
  }

  /**
   * @param json the body, or null for none
   * @throws IllegalStateException on any answer but 2xx
   */
  private JsonNode send(String path, String method, String json)
      throws IOException, InterruptedException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server + path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (path.startsWith("/api/vms")) {
      request.header(
          "Authorization",
          signer.authorizationHeader(publicUrl + path, method, body, Instant.now()));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
