package org.hearth.agent.link;

import java.net.ProtocolException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hearth.protocol.agent.AgentLinkAuth;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessages;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * One connection of the link: answers the challenge, waits for the welcome, sends the inventory and
 * heartbeats, and hands everything after that to the {@link LinkHandler}.
 *
 * <p>Each heartbeat goes with a ping, and a link on which nothing (not even a pong) came back for
 * {@link #SILENT_BEATS} heartbeat intervals is dropped, so the agent reconnects and reports its VMs
 * again. Without that, a path that drops packets without resetting the connection (an uplink
 * outage, a rebooted router) would keep the link "up" until TCP gives up, about 15 minutes, while
 * the server counts the node offline and its VMs lost.
 */
final class LinkSession implements WebSocket.Listener, Outbox {
  private static final System.Logger LOG = System.getLogger(LinkSession.class.getName());
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

  /** For a welcome that names no usable interval. */
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  /** Heartbeat intervals without a frame from the server after which the link counts as dead. */
  static final int SILENT_BEATS = 3;

  private enum Phase {
    AWAIT_CHALLENGE,
    AWAIT_WELCOME,
    /** Welcomed; only the inventory may be sent. */
    WELCOMED,
    READY
  }

  private final NostrKeyPair key;
  private final String nodeId;
  private final LinkHandler handler;
  private final OfferSigner offers;
  private final ScheduledExecutorService scheduler;
  private final MessageAssembler assembler = new MessageAssembler();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Phase phase = Phase.AWAIT_CHALLENGE;
  private volatile WebSocket socket;
  private volatile SendQueue queue;
  private volatile ScheduledFuture<?> heartbeats;
  private volatile ScheduledFuture<?> handshakeTimeout;
  private volatile String closeReason;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long lastBeatNanos = System.nanoTime();
  private volatile long beatIntervalNanos;

  LinkSession(
      NostrKeyPair key, String nodeId, LinkHandler handler, ScheduledExecutorService scheduler) {
    this.key = key;
    this.nodeId = nodeId;
    this.offers = new OfferSigner(key, nodeId);
    this.handler = handler;
    this.scheduler = scheduler;
  }

  /** Completes when the connection is gone, for whatever reason. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  /** Whether the server closed this connection because it does not know the node. */
  boolean nodeUnknown() {
    return AgentLinkAuth.UNKNOWN_NODE.equals(closeReason);
  }

  /** Whether the server welcomed this connection. */
  boolean welcomed() {
    return phase == Phase.WELCOMED || phase == Phase.READY;
  }

  /** Closes the connection politely, after what is queued, e.g. when the agent stops. */
  void close() {
    SendQueue current = queue;
    if (current != null) {
      current.close(WebSocket.NORMAL_CLOSURE, "agent stopping");
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    queue = new SendQueue(webSocket);
    handshakeTimeout =
        scheduler.schedule(
            () -> abort("no welcome within " + HANDSHAKE_TIMEOUT.toSeconds() + " s"),
            HANDSHAKE_TIMEOUT.toMillis(),
            TimeUnit.MILLISECONDS);
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
    heard();
    try {
      String json = assembler.text(part, last);
      if (json != null) {
        receive(json);
      }
      webSocket.request(1);
    } catch (ProtocolException e) {
      abort(e.getMessage());
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer part, boolean last) {
    heard();
    try {
      ByteBuffer frame = assembler.binary(part, last);
      if (frame != null && phase == Phase.READY) {
        dispatch(() -> handler.onBinary(frame));
      }
      webSocket.request(1);
    } catch (ProtocolException e) {
      abort(e.getMessage());
    }
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    heard();
    return WebSocket.Listener.super.onPing(webSocket, message);
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    heard();
    return WebSocket.Listener.super.onPong(webSocket, message);
  }

  private void heard() {
    lastHeardNanos = System.nanoTime();
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    LOG.log(System.Logger.Level.INFO, "Server closed the link: " + statusCode + " " + reason);
    closeReason = reason;
    end();
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    LOG.log(System.Logger.Level.WARNING, "Link failed: " + error);
    end();
  }

  private void receive(String json) {
    AgentMessage message;
    try {
      message = AgentMessages.fromJson(json);
    } catch (AgentMessages.InvalidMessageException e) {
      if (phase == Phase.READY) {
        LOG.log(System.Logger.Level.WARNING, "Ignoring a message the agent cannot read: " + e);
      } else {
        abort("unreadable handshake message: " + e.getMessage());
      }
      return;
    }
    switch (phase) {
      case AWAIT_CHALLENGE -> {
        if (message instanceof AgentMessage.Challenge challenge) {
          phase = Phase.AWAIT_WELCOME;
          queue.text(
              AgentMessages.toJson(AgentLinkAuth.answer(key, challenge.challenge(), nodeId)));
        } else {
          abort("expected a challenge, got " + message.getClass().getSimpleName());
        }
      }
      case AWAIT_WELCOME -> {
        if (message instanceof AgentMessage.Welcome welcome && nodeId.equals(welcome.nodeId())) {
          welcome(welcome.heartbeatIntervalMillis());
        } else {
          abort("expected a welcome for node " + nodeId + ", got " + message);
        }
      }
      default -> {
        if (message instanceof AgentMessage.SignOffer offer) {
          signOffer(offer);
        } else {
          dispatch(() -> handler.onMessage(message));
        }
      }
    }
  }

  /** The node's key stays in the link: only it signs, and only the node's own offer. */
  private void signOffer(AgentMessage.SignOffer offer) {
    offers
        .sign(offer)
        .ifPresentOrElse(
            this::send,
            () ->
                LOG.log(System.Logger.Level.WARNING, "Refused to sign an offer for another node"));
  }

  /** A message the agent fails on must not take the link (and every other VM's traffic) down. */
  private static void dispatch(Runnable handling) {
    try {
      handling.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Cannot handle a message from the server", e);
    }
  }

  private void welcome(long heartbeatIntervalMillis) {
    handshakeTimeout.cancel(false);
    phase = Phase.WELCOMED;
    LOG.log(System.Logger.Level.INFO, "Linked to the server as node " + nodeId);
    handler.onWelcome();
    if (phase != Phase.READY) {
      abort("the agent sent no inventory");
      return;
    }
    long interval =
        heartbeatIntervalMillis > 0 ? heartbeatIntervalMillis : DEFAULT_HEARTBEAT.toMillis();
    beatIntervalNanos = TimeUnit.MILLISECONDS.toNanos(interval);
    lastBeatNanos = System.nanoTime();
    heartbeats =
        scheduler.scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    if (ended.isDone()) {
      heartbeats.cancel(false);
    }
  }

  private void beat() {
    long now = System.nanoTime();
    if (now - lastBeatNanos > 2 * beatIntervalNanos) {
      // This agent was paused (stopped, the host suspended, a long GC): what the server sent
      // meanwhile is still unread, so the silence is this agent's own. It gets a fresh window.
      lastHeardNanos = now;
    }
    lastBeatNanos = now;
    long silentNanos = now - lastHeardNanos;
    if (silentNanos > SILENT_BEATS * beatIntervalNanos) {
      abort(
          "nothing heard from the server for "
              + TimeUnit.NANOSECONDS.toSeconds(silentNanos)
              + " s, not even a pong");
      return;
    }
    try {
      queue.ping();
      send(handler.heartbeat());
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again; one failed beat must not end them all.
      LOG.log(System.Logger.Level.WARNING, "Cannot make a heartbeat", e);
    }
  }

  // The send methods hold this lock so that no message can be queued before the inventory.

  @Override
  public synchronized CompletableFuture<Void> sendInventory(AgentMessage.Inventory inventory) {
    if (phase != Phase.WELCOMED) {
      return linkDown();
    }
    phase = Phase.READY;
    return queue.text(AgentMessages.toJson(inventory));
  }

  @Override
  public synchronized CompletableFuture<Void> send(AgentMessage message) {
    return phase == Phase.READY ? queue.text(AgentMessages.toJson(message)) : linkDown();
  }

  @Override
  public synchronized CompletableFuture<Void> sendBinary(ByteBuffer frame) {
    return phase == Phase.READY ? queue.binary(frame) : linkDown();
  }

  static CompletableFuture<Void> linkDown() {
    return CompletableFuture.failedFuture(new IllegalStateException("the server link is down"));
  }

  private void abort(String why) {
    LOG.log(System.Logger.Level.WARNING, "Dropping the link: " + why);
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    end();
  }

  private void end() {
    if (handshakeTimeout != null) {
      handshakeTimeout.cancel(false);
    }
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    ended.complete(null);
  }
}
