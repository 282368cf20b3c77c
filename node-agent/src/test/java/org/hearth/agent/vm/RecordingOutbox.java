package org.hearth.agent.vm;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.hearth.agent.link.Outbox;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.TerminalFrame;

/**
 * An outbox that records what is sent, and can play a link that is down or one that is slow to take
 * binary frames.
 */
final class RecordingOutbox implements Outbox {
  private final List<AgentMessage> messages = new ArrayList<>();
  private final List<TerminalFrame> frames = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private volatile boolean down;
  private boolean holdFrames;

  void linkDown(boolean down) {
    this.down = down;
  }

  /** From now on, binary sends complete only when {@link #releaseFrames()} is called. */
  synchronized void holdFrames() {
    holdFrames = true;
  }

  /**
   * Completes the binary sends held so far (outside the lock: completing runs the sender's code).
   */
  void releaseFrames() {
    List<CompletableFuture<Void>> release;
    synchronized (this) {
      release = List.copyOf(held);
      held.clear();
    }
    release.forEach(sent -> sent.complete(null));
  }

  synchronized int heldFrames() {
    return held.size();
  }

  @Override
  public synchronized CompletableFuture<Void> sendInventory(AgentMessage.Inventory inventory) {
    return send(inventory);
  }

  @Override
  public synchronized CompletableFuture<Void> send(AgentMessage message) {
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }
    messages.add(message);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Void> sendBinary(ByteBuffer frame) {
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }
    frames.add(TerminalFrame.decode(frame));
    if (holdFrames) {
      CompletableFuture<Void> sent = new CompletableFuture<>();
      held.add(sent);
      return sent;
    }
    return CompletableFuture.completedFuture(null);
  }

  synchronized List<AgentMessage> messages() {
    return List.copyOf(messages);
  }

  synchronized List<TerminalFrame> frames() {
    return List.copyOf(frames);
  }

  synchronized void clear() {
    messages.clear();
    frames.clear();
  }

  /** Waits up to 5 s for a condition that another thread makes true. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
