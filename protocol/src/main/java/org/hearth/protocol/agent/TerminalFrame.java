package org.hearth.protocol.agent;

import java.nio.ByteBuffer;

/**
 * A binary frame of the agent link: terminal bytes for one channel, prefixed by the channel id as a
 * 4-byte big-endian integer.
 */
public record TerminalFrame(int channel, ByteBuffer data) {

  public static ByteBuffer encode(int channel, byte[] bytes, int offset, int length) {
    ByteBuffer frame = ByteBuffer.allocate(4 + length);
    frame.putInt(channel).put(bytes, offset, length).flip();
    return frame;
  }

  /**
   * @throws IllegalArgumentException when the frame is too short to carry a channel id
   */
  public static TerminalFrame decode(ByteBuffer frame) {
    if (frame.remaining() < 4) {
      throw new IllegalArgumentException("binary frame shorter than its channel id");
    }
    int channel = frame.getInt();
    return new TerminalFrame(channel, frame.slice());
  }
}
