package org.hearth.agent.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hearth.agent.link.Outbox;
import org.hearth.protocol.agent.TerminalFrame;

/**
 * Copies a terminal's output to binary frames of one channel, coalescing bursts. Every frame is a
 * message the server relays at a fixed cost whatever its size, and a PTY hands out output in reads
 * of 1–4 KiB (pty4j cannot tell how much more is waiting: its {@code available()} is always 0), so
 * sending each read would cost the server far more than the bytes.
 *
 * <ul>
 *   <li>Under {@value #BURST_BYTES} bytes waiting (echoed keystrokes, prompts) goes out at once.
 *   <li>From {@value #BURST_BYTES} bytes on, output is a burst and lingers for more: its frame goes
 *       out when it holds {@value #MAX_FRAME_BYTES} bytes or {@link #LINGER_NANOS} after its first
 *       byte, whichever comes first, and when the output ends.
 *   <li>One frame is on its way at a time; output read meanwhile joins the next frame.
 * </ul>
 *
 * <p>When a full frame is waiting, reading stops until the link has taken the frame before it, so a
 * slow link slows the terminal down instead of filling the agent's memory.
 */
final class TerminalPump {
  static final int MAX_FRAME_BYTES = 64 * 1024;
  static final int BURST_BYTES = 1024;
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final int READ_BYTES = 16 * 1024;

  /** Sends the frames whose linger ran out; sending only hands a frame to the link. */
  private static final ScheduledExecutorService LINGER_TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "terminal-linger");
            thread.setDaemon(true);
            return thread;
          });

  private final int channel;
  private final Outbox outbox;
  private final long lingerNanos;
  private final byte[] waiting = new byte[MAX_FRAME_BYTES];
  private int waitingLength;
  private long waitingSince;
  private boolean lingerTimerSet;
  private boolean ended;
  private boolean sending;
  private Throwable failure;

  private TerminalPump(int channel, Outbox outbox, long lingerNanos) {
    this.channel = channel;
    this.outbox = outbox;
    this.lingerNanos = lingerNanos;
  }

  /**
   * Pumps until the output ends and every frame has been handed to the link.
   *
   * @throws IOException when the output cannot be read
   * @throws CompletionException when a frame cannot be sent
   */
  static void pump(InputStream output, int channel, Outbox outbox) throws IOException {
    pump(output, channel, outbox, LINGER_NANOS);
  }

  /** With another linger, for tests whose frames must not depend on how fast they run. */
  static void pump(InputStream output, int channel, Outbox outbox, long lingerNanos)
      throws IOException {
    new TerminalPump(channel, outbox, lingerNanos).run(output);
  }

  private void run(InputStream output) throws IOException {
    byte[] buffer = new byte[READ_BYTES];
    for (int length = output.read(buffer); length >= 0; length = output.read(buffer)) {
      for (int offset = 0; offset < length; ) {
        offset += add(buffer, offset, length - offset);
        send(nextFrame());
      }
    }
    drain();
  }

  /**
   * Adds output to the waiting frame, first waiting for room if it is full.
   *
   * @return how many bytes fitted
   */
  private synchronized int add(byte[] bytes, int offset, int length) throws InterruptedIOException {
    while (waitingLength == MAX_FRAME_BYTES && failure == null) {
      await();
    }
    if (failure != null) {
      throw new CompletionException(failure);
    }
    if (waitingLength == 0) {
      waitingSince = System.nanoTime();
    }
    int taken = Math.min(length, MAX_FRAME_BYTES - waitingLength);
    System.arraycopy(bytes, offset, waiting, waitingLength, taken);
    waitingLength += taken;
    return taken;
  }

  /**
   * @return the waiting output as a frame to send now, or null: while a frame is still on its way
   *     (its completion sends the next), while a burst lingers (a timer sends it), or when nothing
   *     waits
   */
  private synchronized ByteBuffer nextFrame() {
    if (sending || waitingLength == 0 || failure != null) {
      return null;
    }
    long lingered = System.nanoTime() - waitingSince;
    if (!ended
        && waitingLength >= BURST_BYTES
        && waitingLength < MAX_FRAME_BYTES
        && lingered < lingerNanos) {
      if (!lingerTimerSet) {
        lingerTimerSet = true;
        LINGER_TIMER.schedule(this::lingerOver, lingerNanos - lingered, TimeUnit.NANOSECONDS);
      }
      return null;
    }
    ByteBuffer frame = TerminalFrame.encode(channel, waiting, 0, waitingLength);
    waitingLength = 0;
    sending = true;
    notifyAll();
    return frame;
  }

  private void lingerOver() {
    ByteBuffer frame;
    synchronized (this) {
      lingerTimerSet = false;
      frame = nextFrame();
    }
    send(frame);
  }

  /** Sends outside the lock, so the link's own locking never nests inside the pump's. */
  private void send(ByteBuffer frame) {
    if (frame != null) {
      outbox.sendBinary(frame).whenComplete((ok, error) -> sent(error));
    }
  }

  private void sent(Throwable error) {
    ByteBuffer next;
    synchronized (this) {
      sending = false;
      if (error != null) {
        failure = error;
      }
      notifyAll();
      next = nextFrame();
    }
    send(next);
  }

  /** The output ended: sends what still waits, and waits until the link has taken it all. */
  private void drain() throws InterruptedIOException {
    ByteBuffer last;
    synchronized (this) {
      ended = true;
      last = nextFrame();
    }
    send(last);
    synchronized (this) {
      while ((sending || waitingLength > 0) && failure == null) {
        await();
      }
      if (failure != null) {
        throw new CompletionException(failure);
      }
    }
  }

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("terminal output pump interrupted");
    }
  }
}
