package org.hearth.interfaces.websocket;

import jakarta.websocket.Session;
import java.io.IOException;
import java.io.Writer;

/**
 * Sends a text message through the session's send writer rather than {@code sendText}. On every
 * {@code sendText}, Tyrus (Payara 6) re-arms the session's idle timeout on Payara's managed
 * scheduled executor, whether or not the session has a timeout, and each schedule captures the
 * thread context with a service-loader scan; that cost more server CPU per relay message than
 * anything else (bench/README.md, "Relay"). The writer sends the same single frame without it, and
 * Hearth's sessions have no idle timeout to keep alive. The frame is queued, not awaited: a send
 * that fails surfaces as the session closing.
 */
public final class WebSocketText {

  private WebSocketText() {}

  /** One text message; callers send one message at a time per session. */
  public static void send(Session session, String text) throws IOException {
    try (Writer writer = session.getBasicRemote().getSendWriter()) {
      writer.write(text);
    }
  }
}
