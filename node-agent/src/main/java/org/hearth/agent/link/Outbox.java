package org.hearth.agent.link;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.hearth.protocol.agent.AgentMessage;

/**
 * Where the agent sends to the server. Every send completes when the message has been handed to the
 * connection, and fails when the link is down (nothing is buffered across reconnects).
 */
public interface Outbox {

  /**
   * The first message after the server's Welcome: every VM this agent runs. Other sends fail until
   * it has been queued, so the server always learns the inventory first.
   */
  CompletableFuture<Void> sendInventory(AgentMessage.Inventory inventory);

  CompletableFuture<Void> send(AgentMessage message);

  /** A binary frame, see {@link org.hearth.protocol.agent.TerminalFrame}. */
  CompletableFuture<Void> sendBinary(ByteBuffer frame);
}
