package org.hearth.interfaces.websocket.relay;

import jakarta.json.spi.JsonProvider;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * One client's connection: its subscriptions, and an outbox drained by one task at a time, so
 * messages leave in order and a slow client delays nobody else.
 */
final class RelayConnection {

  private static final System.Logger LOG = System.getLogger(RelayConnection.class.getName());

  /**
   * Looked up once: each of {@code jakarta.json.Json}'s static methods looks the provider up again
   * through the service loader, which scans the class loaders' jars and cost more server CPU under
   * load (bench/README.md, "Relay") than everything else a relay message does.
   */
  static final JsonProvider JSON = JsonProvider.provider();

  private final Session session;
  private final Executor executor;
  private final Map<String, List<RelayFilter>> subscriptions = new ConcurrentHashMap<>();
  private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  RelayConnection(Session session, Executor executor) {
    this.session = session;
    this.executor = executor;
  }

  int subscriptionCount() {
    return subscriptions.size();
  }

  boolean hasSubscription(String id) {
    return subscriptions.containsKey(id);
  }

  void subscribe(String id, List<RelayFilter> filters) {
    subscriptions.put(id, List.copyOf(filters));
  }

  void unsubscribe(String id) {
    subscriptions.remove(id);
  }

  /** Sends the event to every subscription of this connection that it matches. */
  void deliver(NostrEvent event, String json) {
    subscriptions.forEach(
        (id, filters) -> {
          if (filters.stream().anyMatch(f -> f.matches(event))) {
            send(event(id, json));
          }
        });
  }

  static String event(String subscriptionId, String eventJson) {
    return "[\"EVENT\"," + string(subscriptionId) + "," + eventJson + "]";
  }

  void ok(String eventId, boolean accepted, String message) {
    send(
        JSON.createArrayBuilder()
            .add("OK")
            .add(eventId)
            .add(accepted)
            .add(message)
            .build()
            .toString());
  }

  /** NIP-42: the challenge this connection authenticates with. */
  void auth(String challenge) {
    send(JSON.createArrayBuilder().add("AUTH").add(challenge).build().toString());
  }

  void eose(String subscriptionId) {
    send(JSON.createArrayBuilder().add("EOSE").add(subscriptionId).build().toString());
  }

  void closed(String subscriptionId, String message) {
    send(
        JSON.createArrayBuilder()
            .add("CLOSED")
            .add(subscriptionId)
            .add(message)
            .build()
            .toString());
  }

  void notice(String message) {
    send(JSON.createArrayBuilder().add("NOTICE").add(message).build().toString());
  }

  void send(String text) {
    outbox.add(text);
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      String next;
      while ((next = outbox.poll()) != null) {
        if (!session.isOpen()) {
          outbox.clear();
          return;
        }
        try {
          session.getBasicRemote().sendText(next);
        } catch (IOException | IllegalStateException e) {
          LOG.log(System.Logger.Level.DEBUG, "relay client gone: {0}", e.getMessage());
          outbox.clear();
          return;
        }
      }
    } finally {
      draining.set(false);
    }
    if (!outbox.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private static String string(String value) {
    return JSON.createValue(value).toString();
  }
}
