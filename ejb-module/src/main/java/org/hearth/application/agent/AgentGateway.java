package org.hearth.application.agent;

import org.hearth.protocol.agent.AgentMessage;

/** Sends control messages to connected node agents (implemented by the agent link endpoint). */
public interface AgentGateway {

  /**
   * @return false when the node's agent is not connected to this server; the message is then
   *     dropped and the agent's next inventory reconciles the difference
   */
  boolean send(String nodeId, AgentMessage message);
}
