package org.hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Nostr client connection to Hearth's relay: publishes events and waits for their {@code OK},
 * sends {@code REQ}s and waits for their {@code EOSE} (or {@code CLOSED}). Stored events that a
 * {@code REQ} returns are only counted. Sends are queued, one at a time, as the WebSocket requires.
 */
final class RelaySocket implements WebSocket.Listener {
  /** A relay's answer: when it arrived ({@link System#nanoTime()}), whether it was a success. */
  record Reply(long nanos, boolean ok, String message) {}

  private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private CompletableFuture<WebSocket> sending;
  private WebSocket socket;
  private volatile long eventsReceived;

  static CompletableFuture<RelaySocket> open(HttpClient client, URI relay) {
    RelaySocket s = new RelaySocket();
    return client
        .newWebSocketBuilder()
        .buildAsync(relay, s)
        .thenApply(
            ws -> {
              s.socket = ws;
              s.sending = CompletableFuture.completedFuture(ws);
              return s;
            });
  }

  /** Publishes an event (its JSON); completes with the relay's {@code OK}. */
  CompletableFuture<Reply> publish(String eventId, String eventJson) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    waiting.put("OK:" + eventId, reply);
    send("[\"EVENT\"," + eventJson + "]");
    return reply;
  }

  /**
   * Subscribes with one filter; completes at {@code EOSE} (ok) or {@code CLOSED} (not ok), and then
   * closes the subscription.
   */
  CompletableFuture<Reply> request(String subscriptionId, String filterJson) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    waiting.put("EOSE:" + subscriptionId, reply);
    send("[\"REQ\",\"" + subscriptionId + "\"," + filterJson + "]");
    return reply.whenComplete(
        (r, e) -> {
          if (r != null && r.ok()) {
            send("[\"CLOSE\",\"" + subscriptionId + "\"]");
          }
        });
  }

  long eventsReceived() {
    return eventsReceived;
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  private synchronized void send(String text) {
    sending = sending.thenCompose(ws -> ws.sendText(text, true));
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long now = System.nanoTime();
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      if (text.startsWith("[\"EVENT\"")) {
        eventsReceived++; // written only here, one message at a time
      } else {
        answer(text, now);
      }
    }
    webSocket.request(1);
    return null;
  }

  private void answer(String text, long now) {
    JsonNode message;
    try {
      message = HearthTenant.JSON.readTree(text);
    } catch (Exception e) {
      return;
    }
    String type = message.path(0).asText();
    String key = message.path(1).asText();
    CompletableFuture<Reply> reply =
        switch (type) {
          case "OK" -> waiting.remove("OK:" + key);
          case "EOSE", "CLOSED" -> waiting.remove("EOSE:" + key);
          default -> null; // AUTH challenges, NOTICEs
        };
    if (reply != null) {
      boolean ok = type.equals("EOSE") || (type.equals("OK") && message.path(2).asBoolean());
      String why = type.equals("OK") ? message.path(3).asText() : message.path(2).asText();
      reply.complete(new Reply(now, ok, why));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended("closed " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended("failed: " + error);
  }

  private void ended(String why) {
    closed.complete(why);
    waiting.values().forEach(r -> r.completeExceptionally(new IllegalStateException(why)));
    waiting.clear();
  }

  void abort() {
    if (socket != null) {
      socket.abort();
    }
  }
}
