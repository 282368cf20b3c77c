package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An HTTP endpoint that collects the JSON bodies POSTed to it (the notices' webhook). */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  WebhookReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            received.add(HearthApi.JSON.readTree(body));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  /** Waits for a body that matches. */
  JsonNode await(Predicate<JsonNode> wanted, Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode body : received) {
        if (wanted.test(body)) {
          return body;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no matching webhook call; received " + received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
