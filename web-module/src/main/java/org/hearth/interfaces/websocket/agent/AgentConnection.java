package org.hearth.interfaces.websocket.agent;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessages;

/** One agent's WebSocket. Sends are serialized: a WebSocket session allows one send at a time. */
final class AgentConnection {

  private static final System.Logger LOG = System.getLogger(AgentConnection.class.getName());

  /** One send on the session's remote endpoint. */
  @FunctionalInterface
  private interface Send {
    void run() throws IOException;
  }

  private final Session session;

  AgentConnection(Session session) {
    this.session = session;
  }

  synchronized boolean send(AgentMessage message) {
    return send(() -> session.getBasicRemote().sendText(AgentMessages.toJson(message)));
  }

  synchronized boolean send(ByteBuffer frame) {
    return send(() -> session.getBasicRemote().sendBinary(frame));
  }

  void close(CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing an agent link failed: {0}", e.getMessage());
    }
  }

  private boolean send(Send action) {
    if (!session.isOpen()) {
      return false;
    }
    try {
      action.run();
      return true;
    } catch (IOException | IllegalStateException e) {
      LOG.log(System.Logger.Level.INFO, "sending to an agent failed: {0}", e.getMessage());
      return false;
    }
  }
}
