package org.hearth.interfaces.websocket.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hearth.application.identity.SessionEnded;
import org.hearth.application.vm.TerminalTickets;
import org.hearth.application.vm.VmMemberRemoved;
import org.hearth.interfaces.websocket.agent.AgentSessions;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.TerminalFrame;

/**
 * Relays terminals between browsers and agents. Each open terminal is a channel of its node's agent
 * link; bytes go through unchanged, one client frame per agent frame (the agent coalesces bursts of
 * output, see the node agent's TerminalPump).
 */
@ApplicationScoped
public class TerminalRelay {

  private static final System.Logger LOG = System.getLogger(TerminalRelay.class.getName());

  @Inject AgentSessions agents;

  private final AtomicInteger nextChannel = new AtomicInteger();
  private final Map<Integer, Channel> channels = new ConcurrentHashMap<>();

  private record Channel(
      int id, String nodeId, String vmId, String accountId, String sessionId, Session client) {}

  /** Opens a terminal of {@code vmId} for a browser's WebSocket; returns the channel. */
  int open(TerminalTickets.Redeemed ticket, String vmId, Session client, int cols, int rows) {
    int id = nextChannel.incrementAndGet();
    String nodeId = ticket.nodeId();
    channels.put(id, new Channel(id, nodeId, vmId, ticket.accountId(), ticket.sessionId(), client));
    if (!agents.send(nodeId, new AgentMessage.TerminalOpen(vmId, id, cols, rows))) {
      end(id, -1, "the VM's node is not connected");
    }
    return id;
  }

  void fromClient(int channel, ByteBuffer data) {
    Channel open = channels.get(channel);
    if (open != null) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      agents.send(open.nodeId(), TerminalFrame.encode(channel, bytes, 0, bytes.length));
    }
  }

  void resize(int channel, int cols, int rows) {
    Channel open = channels.get(channel);
    if (open != null) {
      agents.send(open.nodeId(), new AgentMessage.TerminalResize(channel, cols, rows));
    }
  }

  /** The browser went away: the agent ends the terminal. */
  void clientClosed(int channel) {
    Channel open = channels.remove(channel);
    if (open != null) {
      agents.send(open.nodeId(), new AgentMessage.TerminalClose(channel));
    }
  }

  /** Terminal output from an agent; a node can only write to its own channels. */
  public void fromAgent(String nodeId, TerminalFrame frame) {
    Channel open = channels.get(frame.channel());
    if (open == null || !open.nodeId().equals(nodeId)) {
      return;
    }
    synchronized (open.client()) {
      try {
        open.client().getBasicRemote().sendBinary(frame.data());
      } catch (IOException | IllegalStateException e) {
        clientClosed(open.id());
      }
    }
  }

  public void agentTerminalExit(String nodeId, AgentMessage.TerminalExit exit) {
    Channel open = channels.get(exit.channel());
    if (open != null && open.nodeId().equals(nodeId)) {
      end(exit.channel(), exit.code(), exit.reason());
    }
  }

  /** The node's agent disconnected: its terminals end. */
  public void agentGone(String nodeId) {
    channels.values().stream()
        .filter(channel -> channel.nodeId().equals(nodeId))
        .forEach(channel -> end(channel.id(), -1, "the VM's node disconnected"));
  }

  /** A session was revoked or logged out: the terminals it opened close at once. */
  void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
    endWhere(channel -> ended.sessionId().equals(channel.sessionId()), "the session was revoked");
  }

  /** An account stopped being a member of a VM: its terminals there close. */
  void memberRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) VmMemberRemoved removed) {
    endWhere(
        channel ->
            removed.vmId().equals(channel.vmId())
                && removed.accountId().equals(channel.accountId()),
        "no longer a member of the VM");
  }

  private void endWhere(Predicate<Channel> which, String reason) {
    channels.values().stream().filter(which).forEach(channel -> close(channel, reason));
  }

  /** Ends a terminal the client may no longer use: the agent closes it too. */
  private void close(Channel channel, String reason) {
    end(channel.id(), -1, reason);
    agents.send(channel.nodeId(), new AgentMessage.TerminalClose(channel.id()));
  }

  private void end(int channel, int code, String reason) {
    Channel open = channels.remove(channel);
    if (open == null) {
      return;
    }
    var exit = Json.createObjectBuilder().add("type", "exit").add("code", code);
    if (reason != null) {
      exit.add("reason", reason);
    }
    synchronized (open.client()) {
      try {
        if (open.client().isOpen()) {
          open.client().getBasicRemote().sendText(exit.build().toString());
          open.client()
              .close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "terminal ended"));
        }
      } catch (IOException | IllegalStateException e) {
        LOG.log(
            System.Logger.Level.DEBUG, "closing terminal {0} failed: {1}", channel, e.getMessage());
      }
    }
  }
}
