package org.hearth.infrastructure.nostr;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hearth.protocol.net.Backoff;

/**
 * One external relay: a WebSocket that reconnects with backoff and jitter, keeps the events given
 * to {@link #publish} until the relay answers {@code OK} (sent again after a reconnect), and hands
 * each event its subscription brings to {@code inbound}. Nothing here waits on the relay, so one
 * slow or dead relay never holds up another.
 */
public final class RelayLink implements WebSocket.Listener {

  private static final System.Logger LOG = System.getLogger(RelayLink.class.getName());
  private static final String SUBSCRIPTION = "hearth";

  /** How a link is doing, for operators. */
  public record Health(
      String url,
      boolean connected,
      Instant connectedSince,
      String lastError,
      int pending,
      long dropped,
      long sent,
      long accepted,
      long refused,
      long received) {}

  private final URI uri;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final String filter;
  private final Duration lookback;
  private final int maxPending;
  private final Consumer<String> inbound;
  private final Clock clock;

  private final Map<String, String> pending = new LinkedHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile WebSocket socket;
  private volatile Instant connectedSince;
  private volatile String lastError;
  private volatile boolean closed;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

  /**
   * @param filter the NIP-01 filter (JSON object, without {@code since}) of the events to read
   * @param lookback how far back the subscription reads on each (re)connect
   * @param maxPending events kept for the relay at most; the oldest are dropped beyond
   */
  public RelayLink(
      URI uri,
      HttpClient http,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      String filter,
      Duration lookback,
      int maxPending,
      Consumer<String> inbound,
      Clock clock) {
    this.uri = uri;
    this.http = http;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.filter = filter;
    this.lookback = lookback;
    this.maxPending = maxPending;
    this.inbound = inbound;
    this.clock = clock;
  }

  public void start() {
    connect();
  }

  public void close() {
    closed = true;
    WebSocket ws = socket;
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  /** Sends the event now if connected, and again after each reconnect until the relay says OK. */
  public void publish(String eventId, String eventJson) {
    synchronized (pending) {
      pending.put(eventId, eventJson);
      if (pending.size() > maxPending) {
        pending.remove(pending.keySet().iterator().next());
        dropped.incrementAndGet();
      }
    }
    WebSocket ws = socket;
    if (ws != null) {
      sendEvent(ws, eventJson);
    }
  }

  public Health health() {
    int waiting;
    synchronized (pending) {
      waiting = pending.size();
    }
    return new Health(
        uri.toString(),
        socket != null,
        connectedSince,
        lastError,
        waiting,
        dropped.get(),
        sent.get(),
        accepted.get(),
        refused.get(),
        received.get());
  }

  private void connect() {
    if (closed) {
      return;
    }
    http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, this)
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                lost(error.getMessage() == null ? error.toString() : error.getMessage());
              }
            });
  }

  @Override
  public void onOpen(WebSocket ws) {
    backoff.reset();
    socket = ws;
    connectedSince = clock.instant();
    lastError = null;
    LOG.log(System.Logger.Level.INFO, "Connected to the relay {0}", uri);
    long since = clock.instant().minus(lookback).getEpochSecond();
    String withSince = filter.substring(0, filter.lastIndexOf('}')) + ",\"since\":" + since + "}";
    send(ws, "[\"REQ\",\"" + SUBSCRIPTION + "\"," + withSince + "]");
    List<String> waiting;
    synchronized (pending) {
      waiting = new ArrayList<>(pending.values());
    }
    waiting.forEach(json -> sendEvent(ws, json));
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String message = partial.toString();
      partial.setLength(0);
      handle(message);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    lost("closed by the relay (" + statusCode + " " + reason + ")");
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    lost(error.toString());
  }

  private void handle(String message) {
    JsonArray array;
    try (JsonReader reader = Json.createReader(new StringReader(message))) {
      array = reader.readArray();
    } catch (JsonException | IllegalStateException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0} sent something unreadable: {1}", uri, message);
      return;
    }
    if (array.isEmpty()) {
      return;
    }
    switch (array.getString(0, "")) {
      case "EVENT":
        if (array.size() >= 3 && array.get(2).getValueType() == JsonValue.ValueType.OBJECT) {
          received.incrementAndGet();
          inbound.accept(array.getJsonObject(2).toString());
        }
        break;
      case "OK":
        if (array.size() >= 3) {
          synchronized (pending) {
            pending.remove(array.getString(1, ""));
          }
          (array.getBoolean(2, false) ? accepted : refused).incrementAndGet();
        }
        break;
      case "CLOSED":
      case "NOTICE":
        LOG.log(System.Logger.Level.INFO, "{0} says: {1}", uri, message);
        break;
      default:
        break;
    }
  }

  private void sendEvent(WebSocket ws, String eventJson) {
    send(ws, "[\"EVENT\"," + eventJson + "]").thenRun(sent::incrementAndGet);
  }

  /** WebSocket allows one send at a time: each waits for the one before. */
  private synchronized CompletableFuture<?> send(WebSocket ws, String text) {
    sending = sending.exceptionally(e -> null).thenCompose(done -> ws.sendText(text, true));
    return sending;
  }

  private void lost(String why) {
    // Said once when it goes away, not at every attempt while it stays away.
    System.Logger.Level level =
        socket != null || lastError == null ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
    socket = null;
    connectedSince = null;
    lastError = why;
    if (closed) {
      return;
    }
    Duration wait = backoff.next();
    LOG.log(level, "Relay {0} unreachable ({1}); trying again in {2}", uri, why, wait);
    scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}
