package org.hearth.agent.link;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import org.hearth.protocol.agent.AgentMessages;

/**
 * Joins the fragments of WebSocket messages: a message may arrive in parts, and only the part
 * flagged {@code last} completes it. Text and binary messages are assembled separately.
 */
final class MessageAssembler {
  /** Terminal input frames are keystrokes and pastes; anything bigger is not ours. */
  static final int MAX_BINARY_BYTES = 1 << 20;

  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

  /**
   * @return the whole message once {@code last} arrives, else null
   * @throws ProtocolException when the message grows past {@link AgentMessages#MAX_TEXT_BYTES}
   */
  String text(CharSequence part, boolean last) throws ProtocolException {
    if (text.length() + part.length() > AgentMessages.MAX_TEXT_BYTES) {
      text.setLength(0);
      throw new ProtocolException("text message over " + AgentMessages.MAX_TEXT_BYTES + " bytes");
    }
    text.append(part);
    if (!last) {
      return null;
    }
    String message = text.toString();
    text.setLength(0);
    return message;
  }

  /**
   * @return the whole message (a copy, so the caller's buffer may be reused) once {@code last}
   *     arrives, else null
   * @throws ProtocolException when the message grows past {@link #MAX_BINARY_BYTES}
   */
  ByteBuffer binary(ByteBuffer part, boolean last) throws ProtocolException {
    if (binary.size() + part.remaining() > MAX_BINARY_BYTES) {
      binary.reset();
      throw new ProtocolException("binary message over " + MAX_BINARY_BYTES + " bytes");
    }
    byte[] bytes = new byte[part.remaining()];
    part.get(bytes);
    binary.writeBytes(bytes);
    if (!last) {
      return null;
    }
    ByteBuffer message = ByteBuffer.wrap(binary.toByteArray());
    binary.reset();
    return message;
  }
}
