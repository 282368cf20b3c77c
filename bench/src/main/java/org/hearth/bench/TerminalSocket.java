package org.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client of Hearth's terminal WebSocket, as a browser's terminal is one: keystrokes go out as
 * binary frames, output comes in as binary frames and is only counted, and the caller can wait for
 * a byte sequence to appear in the output.
 */
final class TerminalSocket implements WebSocket.Listener, AutoCloseable {
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private WebSocket socket;
  private volatile Expectation expectation;
  // Written only by the listener, which the WebSocket calls one message at a time.
  private volatile long bytesReceived;
  private volatile long framesReceived;
  private byte[] scratch = new byte[64 * 1024];

  private record Expectation(StreamMatcher matcher, CompletableFuture<Long> seen) {}

  static TerminalSocket connect(String url) throws Exception {
    TerminalSocket terminal = new TerminalSocket();
    terminal.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), terminal)
            .get(10, TimeUnit.SECONDS);
    return terminal;
  }

  /**
   * Output to wait for; only output that arrives after this call can match, and it replaces any
   * earlier expectation.
   *
   * @return completes with {@link System#nanoTime()} when the output has arrived, or fails when the
   *     terminal closes first
   */
  CompletableFuture<Long> expect(byte[] output) {
    Expectation next = new Expectation(new StreamMatcher(output), new CompletableFuture<>());
    expectation = next;
    if (closed.isDone()) {
      next.seen.completeExceptionally(new IllegalStateException("terminal closed"));
    }
    return next.seen;
  }

  CompletableFuture<Long> expect(String output) {
    return expect(output.getBytes(StandardCharsets.UTF_8));
  }

  void type(byte[] keys) {
    socket.sendBinary(ByteBuffer.wrap(keys), true).join();
  }

  void type(String keys) {
    type(keys.getBytes(StandardCharsets.UTF_8));
  }

  long bytesReceived() {
    return bytesReceived;
  }

  long framesReceived() {
    return framesReceived;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    int length = data.remaining();
    bytesReceived += length;
    if (last) {
      framesReceived++;
    }
    Expectation waiting = expectation;
    if (waiting != null) {
      if (scratch.length < length) {
        scratch = new byte[length];
      }
      data.get(scratch, 0, length);
      if (waiting.matcher.feed(scratch, 0, length) >= 0) {
        expectation = null;
        waiting.seen.complete(System.nanoTime());
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    // Control messages ({"type":"exit",...}) mean the terminal is ending; onClose follows.
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended("terminal closed: " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended("terminal failed: " + error);
  }

  private void ended(String why) {
    closed.complete(why);
    Expectation waiting = expectation;
    if (waiting != null) {
      waiting.seen.completeExceptionally(new IllegalStateException(why));
    }
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
