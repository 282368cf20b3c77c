package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A tenant's live VM event stream ({@code GET /api/vms/events}, server-sent events). */
final class VmEventStream implements AutoCloseable {

  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile boolean ready;
  private volatile Stream<String> lines;

  private static final String PATH = "api/vms/events";

  /** The tenant's stream, opened with a signed request. */
  VmEventStream(HearthApi api, Tenant tenant) throws InterruptedException {
    this(api, tenant.sign(PATH, "GET", ""));
  }

  /** A stream opened with {@code authorization}, e.g. a session's {@code Bearer} token. */
  VmEventStream(HearthApi api, String authorization) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.url(PATH)))
            .header("Accept", "text/event-stream")
            .header("Authorization", authorization)
            .build();
    response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .thenApply(
                reply -> {
                  String event = null;
                  lines = reply.body();
                  for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                      event = line.substring(6).strip();
                      ready |= event.equals("ready");
                    } else if (line.startsWith("data:") && "vm".equals(event)) {
                      events.add(parse(line.substring(5).strip()));
                    }
                  }
                  return reply;
                });
    for (int i = 0; i < 100 && !ready; i++) {
      Thread.sleep(100);
    }
    if (!ready) {
      throw new AssertionError("the event stream did not open");
    }
  }

  /** Waits for a {@code vm} event that passes {@code wanted}. */
  JsonNode await(Predicate<JsonNode> wanted, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such VM event within " + patience + "; got " + events);
  }

  List<JsonNode> events() {
    return List.copyOf(events);
  }

  private static JsonNode parse(String json) {
    try {
      return HearthApi.JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Whether the server ends the stream within {@code patience}. */
  boolean endsWithin(Duration patience) throws InterruptedException {
    try {
      response.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // the connection went away
    }
  }

  /** Goes away: the connection is closed. */
  @Override
  public void close() {
    lines.close();
    response.cancel(true);
  }
}
