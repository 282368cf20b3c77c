package org.hearth.interfaces.websocket.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.application.agent.AgentGateway;
import org.hearth.protocol.agent.AgentMessage;

/**
 * The agents connected to this server, by node. A node has one link: a newer connection of the same
 * node replaces the older one.
 */
@ApplicationScoped
public class AgentSessions implements AgentGateway {

  private final Map<String, AgentConnection> byNode = new ConcurrentHashMap<>();

  void attach(String nodeId, AgentConnection connection) {
    AgentConnection previous = byNode.put(nodeId, connection);
    if (previous != null && previous != connection) {
      previous.close(CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a newer connection");
    }
  }

  /** Forgets a connection, unless a newer one of the node already replaced it. */
  boolean detach(String nodeId, AgentConnection connection) {
    return byNode.remove(nodeId, connection);
  }

  @Override
  public boolean send(String nodeId, AgentMessage message) {
    AgentConnection connection = byNode.get(nodeId);
    return connection != null && connection.send(message);
  }

  /** Sends a binary (terminal) frame to a node's agent. */
  public boolean send(String nodeId, ByteBuffer frame) {
    AgentConnection connection = byNode.get(nodeId);
    return connection != null && connection.send(frame);
  }
}
