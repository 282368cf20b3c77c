package org.hearth.agent.link;

import java.nio.ByteBuffer;
import org.hearth.protocol.agent.AgentMessage;

/** The agent's side of the link: what it does with what the server says. */
public interface LinkHandler {

  /**
   * The server accepted this node; the handler must now send {@link Outbox#sendInventory}, from
   * this thread.
   */
  void onWelcome();

  /** The next heartbeat to send. */
  AgentMessage.Heartbeat heartbeat();

  /** A control message after the handshake (never Challenge or Welcome). */
  void onMessage(AgentMessage message);

  /** A binary frame: terminal input, channel-prefixed. */
  void onBinary(ByteBuffer frame);

  /** The welcomed link closed; terminal channels belong to one link, so they end with it. */
  void onClosed();
}
