package org.hearth.agent.vm;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * An input stream fed in chunks by the test, like a PTY: a read blocks for the next chunk and
 * returns at most that chunk; {@link #available()} counts what is queued.
 */
final class QueueInputStream extends InputStream {
  private static final byte[] END = new byte[0];
  private final LinkedBlockingDeque<byte[]> chunks = new LinkedBlockingDeque<>();
  private final int maxRead;

  /**
   * @param maxRead the most one read returns, even when more is queued
   */
  QueueInputStream(int maxRead) {
    this.maxRead = maxRead;
  }

  void write(byte[] chunk) {
    chunks.add(chunk);
  }

  void end() {
    chunks.add(END);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    byte[] chunk;
    try {
      chunk = chunks.takeFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    if (chunk == END) {
      chunks.addFirst(END);
      return -1;
    }
    int n = Math.min(Math.min(length, maxRead), chunk.length);
    System.arraycopy(chunk, 0, buffer, offset, n);
    if (n < chunk.length) {
      byte[] rest = new byte[chunk.length - n];
      System.arraycopy(chunk, n, rest, 0, rest.length);
      chunks.addFirst(rest);
    }
    return n;
  }

  @Override
  public int available() {
    return chunks.stream().mapToInt(chunk -> chunk.length).sum();
  }
}
