package org.hearth.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A browser-like terminal client: raw bytes in binary frames, JSON control in text frames. */
final class TerminalClient implements WebSocket.Listener, AutoCloseable {

  private final StringBuffer output = new StringBuffer();
  private final StringBuilder text = new StringBuilder();
  final List<String> controlMessages = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private WebSocket socket;

  static TerminalClient connect(String url) throws Exception {
    TerminalClient client = new TerminalClient();
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), client)
            .get(10, TimeUnit.SECONDS);
    return client;
  }

  void type(String keys) {
    socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
  }

  void sendText(String text) {
    socket.sendText(text, true).join();
  }

  void resize(int cols, int rows) {
    socket
        .sendText("{\"type\":\"resize\",\"cols\":" + cols + ",\"rows\":" + rows + "}", true)
        .join();
  }

  /** Waits until the terminal has printed {@code expected}. */
  void await(String expected, Duration timeout) throws InterruptedException {
    await(Pattern.compile(Pattern.quote(expected)), timeout);
  }

  /** Waits until the terminal has printed something matching {@code expected}. */
  void await(Pattern expected, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (expected.matcher(output).find()) {
        return;
      }
      if (closed.isDone()) {
        throw new AssertionError(
            "terminal closed ("
                + closed.join()
                + ", "
                + controlMessages
                + ") before printing "
                + expected
                + "; it printed: "
                + output);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("terminal never printed " + expected + "; it printed: " + output);
  }

  String output() {
    return output.toString();
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    output.append(new String(bytes, StandardCharsets.UTF_8));
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      controlMessages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    // The server may close first (a refused ticket or link): then there is nothing to close.
    if (!closed.isDone() && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }
  }
}
