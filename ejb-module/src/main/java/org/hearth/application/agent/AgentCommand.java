package org.hearth.application.agent;

import org.hearth.protocol.agent.AgentMessage;

/**
 * A message for a node's agent that must only leave once the transaction that decided it commits
 * (fired as a CDI event, delivered by {@link AgentDispatcher}).
 */
public record AgentCommand(String nodeId, AgentMessage message) {}
