package org.hearth.agent.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/**
 * Registers the node with {@code POST /api/nodes}, signed with NIP-98 by the node key. While the
 * server is unreachable or overloaded it retries with {@link Backoff}; a refusal (4xx) is final.
 */
public final class RegistrationClient {
  private static final System.Logger LOG = System.getLogger(RegistrationClient.class.getName());
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON =
      JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private final HttpClient http;
  private final String endpoint;
  private final Nip98Signer signer;
  private long lastSignedSecond;

  /**
   * @param server the server's public base URL; NIP-98 binds the signature to the exact URL, so it
   *     must be the one the server knows itself by
   */
  public RegistrationClient(HttpClient http, URI server, NostrKeyPair key) {
    this.http = http;
    this.endpoint = server.toString().replaceFirst("/+$", "") + "/api/nodes";
    this.signer = new Nip98Signer(key);
  }

  /**
   * Registers (or updates) the node, retrying until the server answers.
   *
   * @return the node id the server assigned
   * @throws RegistrationException when the server refuses the registration
   */
  public String register(NodeRegistration registration, Backoff backoff)
      throws RegistrationException, InterruptedException {
    byte[] body = json(registration);
    while (true) {
      String failure;
      try {
        HttpResponse<String> response = post(body);
        int status = response.statusCode();
        if (status == 200 || status == 201) {
          String id = JSON.readTree(response.body()).path("id").asText();
          if (id.isEmpty()) {
            throw new RegistrationException("the server answered " + status + " without a node id");
          }
          return id;
        }
        failure = "HTTP " + status + problemDetail(response.body());
        if (status < 500 && status != 408 && status != 429) {
          throw new RegistrationException("the server refused the registration: " + failure);
        }
      } catch (IOException e) {
        failure = e.toString();
      }
      Duration delay = backoff.next();
      LOG.log(
          System.Logger.Level.WARNING,
          "Cannot register at "
              + endpoint
              + " ("
              + failure
              + "); retrying in "
              + delay.toMillis()
              + " ms");
      Thread.sleep(delay.toMillis());
    }
  }

  private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(
                "Authorization", signer.authorizationHeader(endpoint, "POST", body, signingTime()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Now, but at least a second after the previous attempt: a NIP-98 event's id covers only whole
   * seconds, so a quick retry of the same body would otherwise be refused as a replay.
   */
  private Instant signingTime() {
    lastSignedSecond = Math.max(Instant.now().getEpochSecond(), lastSignedSecond + 1);
    return Instant.ofEpochSecond(lastSignedSecond);
  }

  static byte[] json(NodeRegistration registration) {
    try {
      return JSON.writeValueAsBytes(registration);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + registration, e);
    }
  }

  /** The {@code detail} of an RFC 9457 problem body, if there is one. */
  private static String problemDetail(String body) {
    try {
      JsonNode detail = JSON.readTree(body).path("detail");
      return detail.isTextual() ? ": " + detail.asText() : "";
    } catch (JsonProcessingException notJson) {
      return "";
    }
  }
}
