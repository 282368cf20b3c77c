package org.hearth.interfaces.websocket.agent;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import org.hearth.application.node.NodeRegistry;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.nostr.Relay;
import org.hearth.application.vm.VmService;
import org.hearth.domain.node.NodeLoad;
import org.hearth.domain.node.UnknownNodeException;
import org.hearth.interfaces.nostr.NodeOffers;
import org.hearth.interfaces.rest.ConflictRetry;
import org.hearth.interfaces.websocket.SessionTimers;
import org.hearth.interfaces.websocket.terminal.TerminalRelay;
import org.hearth.protocol.agent.AgentLinkAuth;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessages;
import org.hearth.protocol.agent.TerminalFrame;

/**
 * The agent link: one outbound WebSocket per node agent, so nodes behind NAT need nothing dialled
 * in. The server sends a random challenge; the agent proves the node's key by signing it; from then
 * on the connection speaks for that node.
 */
@ServerEndpoint("/ws/agent")
public class AgentEndpoint {

  private static final System.Logger LOG = System.getLogger(AgentEndpoint.class.getName());
  private static final int MAX_BINARY_BYTES = 1024 * 1024;

  @Inject AgentSessions sessions;
  @Inject NodeRegistry registry;
  @Inject NodeSettings nodeSettings;
  @Inject VmService vms;
  @Inject TerminalRelay terminals;
  @Inject NodeOffers offers;
  @Inject SessionTimers timers;

  private AgentConnection connection;
  private String challenge;
  private String nodeId;
  private String pubkey;

  /** The offer last sent to be signed: it is sent again only when it changed. */
  private AgentMessage.SignOffer lastOffer;

  @OnOpen
  public void open(Session session) {
    timers.adopt(session);
    session.setMaxTextMessageBufferSize(AgentMessages.MAX_TEXT_BYTES);
    session.setMaxBinaryMessageBufferSize(MAX_BINARY_BYTES);
    connection = new AgentConnection(session);
    challenge = AgentLinkAuth.newChallenge();
    connection.send(new AgentMessage.Challenge(challenge));
  }

  @OnMessage
  public void text(String text) {
    AgentMessage message;
    try {
      message = AgentMessages.fromJson(text);
    } catch (AgentMessages.InvalidMessageException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "node {0}: invalid link message: {1}",
          nodeId,
          e.getMessage());
      if (nodeId == null) {
        connection.close(CloseCodes.CANNOT_ACCEPT, "invalid: " + e.getMessage());
      }
      return;
    }
    if (nodeId == null) {
      authenticate(message);
      return;
    }
    try {
      handle(message);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "node " + nodeId + ": handling " + message + " failed", e);
    }
  }

  @OnMessage
  public void binary(ByteBuffer frame) {
    if (nodeId == null) {
      connection.close(CloseCodes.VIOLATED_POLICY, "blocked: authenticate first");
      return;
    }
    try {
      terminals.fromAgent(nodeId, TerminalFrame.decode(frame));
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "node {0}: {1}", nodeId, e.getMessage());
    }
  }

  @OnClose
  public void close() {
    if (nodeId != null && sessions.detach(nodeId, connection)) {
      terminals.agentGone(nodeId);
      LOG.log(System.Logger.Level.INFO, "node {0}: agent disconnected", nodeId);
    }
  }

  @OnError
  public void error(Throwable error) {
    LOG.log(System.Logger.Level.DEBUG, "node {0}: agent link error: {1}", nodeId, error.toString());
  }

  private void authenticate(AgentMessage message) {
    if (!(message instanceof AgentMessage.Auth auth) || !AgentLinkAuth.verify(auth, challenge)) {
      connection.close(
          CloseCodes.VIOLATED_POLICY, "blocked: answer the challenge with the node's key");
      return;
    }
    try {
      if (!registry.find(auth.nodeId()).node().isOwnedBy(auth.pubkey())) {
        connection.close(CloseCodes.VIOLATED_POLICY, "blocked: the key is not this node's");
        return;
      }
    } catch (UnknownNodeException e) {
      connection.close(CloseCodes.VIOLATED_POLICY, AgentLinkAuth.UNKNOWN_NODE);
      return;
    }
    nodeId = auth.nodeId();
    pubkey = auth.pubkey();
    sessions.attach(nodeId, connection);
    connection.send(new AgentMessage.Welcome(nodeId, nodeSettings.heartbeatInterval().toMillis()));
    LOG.log(System.Logger.Level.INFO, "node {0}: agent connected", nodeId);
  }

  private void handle(AgentMessage message) {
    if (message instanceof AgentMessage.Heartbeat beat) {
      NodeLoad load =
          new NodeLoad(
              beat.cpuPercent(), beat.memoryUsedMiB(), beat.diskUsedGiB(), beat.runningVms());
      ConflictRetry.run(() -> registry.heartbeat(nodeId, pubkey, load));
      try {
        offerIfChanged();
      } catch (RuntimeException e) {
        // The offer is news for Nostr clients; the heartbeat it rides on counts regardless.
        LOG.log(System.Logger.Level.WARNING, "node " + nodeId + ": offer not sent", e);
      }
    } else if (message instanceof AgentMessage.Inventory inventory) {
      ConflictRetry.run(
          () -> {
            vms.reconcile(nodeId, inventory.vms());
            return null;
          });
    } else if (message instanceof AgentMessage.VmStatus status) {
      ConflictRetry.run(
          () -> {
            vms.onAgentStatus(nodeId, status);
            return null;
          });
    } else if (message instanceof AgentMessage.TerminalExit exit) {
      terminals.agentTerminalExit(nodeId, exit);
    } else if (message instanceof AgentMessage.SignedOffer offer) {
      Relay.Verdict verdict = offers.publish(nodeId, pubkey, offer);
      if (!verdict.accepted()) {
        LOG.log(
            System.Logger.Level.WARNING, "node {0}: offer refused: {1}", nodeId, verdict.message());
      }
    } else {
      LOG.log(System.Logger.Level.WARNING, "node {0}: unexpected {1}", nodeId, message);
    }
  }

  private void offerIfChanged() {
    offers
        .toSign(nodeId)
        .filter(
            offer ->
                lastOffer == null
                    || !offer.content().equals(lastOffer.content())
                    || !offer.tags().equals(lastOffer.tags()))
        .ifPresent(
            offer -> {
              lastOffer = offer;
              connection.send(offer);
            });
  }
}
