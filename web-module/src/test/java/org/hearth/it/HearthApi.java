package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for Hearth's API, as an integrator would call it. */
final class HearthApi {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /**
   * Arquillian reports the deployment under the machine's network address; the tests talk to it on
   * localhost only, which is also the public URL the server checks signatures against.
   */
  HearthApi(URL deploymentBase) {
    String path =
        deploymentBase.getPath().endsWith("/")
            ? deploymentBase.getPath()
            : deploymentBase.getPath() + "/";
    this.base = URI.create("http://localhost:" + deploymentBase.getPort() + path);
  }

  /** The absolute URL of an API path such as {@code api/nodes}, as a signer must name it. */
  String url(String path) {
    return base.resolve(path).toString();
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), null);
  }

  Reply post(String path, String body, String authorization) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), authorization);
  }

  Reply post(String path, byte[] body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    return send(request, authorization);
  }

  /** A POST whose body is streamed without a declared length (chunked), as a proxy may send it. */
  Reply postStreamed(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    return send(request, null);
  }

  /** Any method; {@code body} may be null. */
  Reply send(String path, String method, String body, String authorization) {
    return send(request(path, method, body), authorization);
  }

  /**
   * Any method with any headers (e.g. {@code Cookie}, {@code Origin}); {@code body} may be null.
   */
  Reply send(String path, String method, String body, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, method, body);
    headers.forEach(request::header);
    return send(request, null);
  }

  private HttpRequest.Builder request(String path, String method, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return request;
  }

  private Reply send(HttpRequest.Builder request, String authorization) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        // An endless event stream is not read: its status and headers tell all.
        boolean stream =
            response
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/event-stream");
        return new Reply(
            response.statusCode(),
            response.headers(),
            stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A response with its body parsed as JSON when it is JSON. */
  record Reply(int status, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
