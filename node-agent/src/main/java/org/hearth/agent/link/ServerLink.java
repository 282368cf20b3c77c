package org.hearth.agent.link;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * The agent's one WebSocket to the server, opened outbound (so it works behind NAT) and reopened
 * with {@link Backoff} whenever it closes or fails. Sends go to the current connection and fail
 * while there is none. A server that no longer knows the node has it registered again first.
 */
public final class ServerLink implements Outbox, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ServerLink.class.getName());
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  /** How long a polite close may take before the link is cut. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http;
  private final URI uri;
  private final NostrKeyPair key;
  private final String nodeId;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final Runnable register;
  private volatile LinkSession current;
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param server the server's base URL, {@code http(s)://host:port[/path]}
   * @param register registers the node again, for a server that does not know it
   */
  public ServerLink(
      HttpClient http,
      URI server,
      NostrKeyPair key,
      String nodeId,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      Runnable register) {
    this.http = http;
    this.uri = agentEndpoint(server);
    this.key = key;
    this.nodeId = nodeId;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.register = register;
  }

  /** {@code ws(s)://host:port[/path]/ws/agent} for the server's base URL. */
  public static URI agentEndpoint(URI server) {
    String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
    String base = server.toString().replaceFirst("^https?", scheme).replaceFirst("/+$", "");
    return URI.create(base + "/ws/agent");
  }

  /** Starts connecting, in the background, and keeps the link up until {@link #close()}. */
  public synchronized void start(LinkHandler handler) {
    thread = new Thread(() -> run(handler), "hearth-link");
    thread.start();
  }

  private void run(LinkHandler handler) {
    while (!closed) {
      LinkSession session = new LinkSession(key, nodeId, handler, scheduler);
      // Current before it connects: the handler sends through this link during the handshake.
      current = session;
      try {
        LOG.log(System.Logger.Level.INFO, "Connecting to " + uri);
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, session).get();
        session.ended().get();
      } catch (ExecutionException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot connect to " + uri + ": " + e.getCause());
      } catch (InterruptedException e) {
        return;
      } finally {
        current = null;
      }
      if (session.welcomed()) {
        handler.onClosed();
        backoff.reset();
      }
      if (session.nodeUnknown() && !closed) {
        LOG.log(System.Logger.Level.WARNING, "The server does not know this node: registering it");
        register.run();
      }
      if (!sleep(backoff.next())) {
        return;
      }
    }
  }

  private boolean sleep(Duration delay) {
    if (closed) {
      return false;
    }
    LOG.log(System.Logger.Level.INFO, "Reconnecting in " + delay.toMillis() + " ms");
    try {
      Thread.sleep(delay.toMillis());
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public CompletableFuture<Void> sendInventory(AgentMessage.Inventory inventory) {
    LinkSession session = current;
    return session == null ? LinkSession.linkDown() : session.sendInventory(inventory);
  }

  @Override
  public CompletableFuture<Void> send(AgentMessage message) {
    LinkSession session = current;
    return session == null ? LinkSession.linkDown() : session.send(message);
  }

  @Override
  public CompletableFuture<Void> sendBinary(ByteBuffer frame) {
    LinkSession session = current;
    return session == null ? LinkSession.linkDown() : session.sendBinary(frame);
  }

  /** Closes the link for good. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    LinkSession session = current;
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (session != null) {
      session.close();
    }
    if (running != null) {
      if (session != null) {
        running.join(CLOSE_TIMEOUT.toMillis()); // the server answers the close; the session ends
      }
      running.interrupt();
      running.join();
    }
  }
}
