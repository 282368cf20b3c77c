package org.hearth.agent.link;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Serializes sends on one WebSocket: {@link WebSocket} allows a single outstanding send, so each
 * send starts only when the previous one has completed (or failed).
 */
final class SendQueue {
  private final WebSocket socket;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  SendQueue(WebSocket socket) {
    this.socket = socket;
  }

  CompletableFuture<Void> text(String message) {
    return enqueue(() -> socket.sendText(message, true));
  }

  CompletableFuture<Void> binary(ByteBuffer frame) {
    return enqueue(() -> socket.sendBinary(frame, true));
  }

  /** A ping, which the server answers with a pong (RFC 6455, 5.5.2). */
  CompletableFuture<Void> ping() {
    return enqueue(() -> socket.sendPing(ByteBuffer.allocate(0)));
  }

  /** Closes the connection once everything queued before has been sent. */
  CompletableFuture<Void> close(int statusCode, String reason) {
    return enqueue(() -> socket.sendClose(statusCode, reason));
  }

  private synchronized CompletableFuture<Void> enqueue(Supplier<CompletionStage<WebSocket>> send) {
    CompletableFuture<Void> sent =
        tail.handle((ignored, previousFailure) -> null)
            .thenCompose(ignored -> send.get())
            .thenApply(ignored -> null);
    tail = sent;
    return sent;
  }
}
