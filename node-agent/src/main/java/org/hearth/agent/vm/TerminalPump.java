package org.hearth.agent.vm;

import java.io.IOException;
import java.io.InputStream;
import org.hearth.agent.link.Outbox;
import org.hearth.protocol.agent.TerminalFrame;

/**
 * Copies a terminal's output to binary frames of one channel. Output that is already waiting is
 * coalesced into one frame (up to {@value #MAX_FRAME_BYTES} bytes), so a program writing many small
 * pieces costs a few frames rather than one per write. Each frame is sent before the next read, so
 * a slow link slows the terminal down instead of filling the agent's memory.
 */
final class TerminalPump {
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private TerminalPump() {}

  /**
   * Pumps until the output ends.
   *
   * @throws IOException when the output cannot be read
   * @throws java.util.concurrent.CompletionException when a frame cannot be sent
   */
  static void pump(InputStream output, int channel, Outbox outbox) throws IOException {
    byte[] buffer = new byte[MAX_FRAME_BYTES];
    for (int length = fill(output, buffer); length > 0; length = fill(output, buffer)) {
      outbox.sendBinary(TerminalFrame.encode(channel, buffer, 0, length)).join();
    }
  }

  /**
   * Blocks for the first bytes, then takes whatever else is immediately available.
   *
   * @return the number of bytes read, or -1 at the end of the output
   */
  static int fill(InputStream in, byte[] buffer) throws IOException {
    int length = in.read(buffer, 0, buffer.length);
    while (length > 0 && length < buffer.length && in.available() > 0) {
      int more = in.read(buffer, length, buffer.length - length);
      if (more < 0) {
        break;
      }
      length += more;
    }
    return length;
  }
}
