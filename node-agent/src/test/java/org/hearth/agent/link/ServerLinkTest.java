package org.hearth.agent.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.agent.link.TinyWebSocketServer.Connection;
import org.hearth.protocol.agent.AgentLinkAuth;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.AgentMessages;
import org.hearth.protocol.agent.TerminalFrame;
import org.hearth.protocol.agent.VmRuntimeState;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerLinkTest {

  private static final String NODE_ID = "node-1";
  private static final AgentMessage.Inventory INVENTORY =
      new AgentMessage.Inventory(
          List.of(new AgentMessage.VmReport("vm-1", VmRuntimeState.RUNNING)));

  private final NostrKeyPair key = NostrKeyPair.generate();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RecordingHandler handler = new RecordingHandler();
  private final AtomicInteger registrations = new AtomicInteger();
  private TinyWebSocketServer server;
  private ServerLink link;

  @BeforeEach
  void start() throws Exception {
    server = new TinyWebSocketServer();
    link =
        new ServerLink(
            HttpClient.newHttpClient(),
            server.url(),
            key,
            NODE_ID,
            scheduler,
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), () -> 0.5),
            registrations::incrementAndGet);
    handler.link = link;
    link.start(handler);
  }

  @AfterEach
  void stop() throws Exception {
    link.close();
    server.close();
    scheduler.shutdownNow();
  }

  @Test
  void theAgentAuthenticatesReportsItsVmsFirstAndHeartbeats() throws Exception {
    Connection connection = server.accept();
    handshake(connection, 3);

    AgentMessage afterInventory = receive(connection);
    assertInstanceOf(AgentMessage.Heartbeat.class, afterInventory);
    assertEquals(2, ((AgentMessage.Heartbeat) afterInventory).runningVms());
  }

  @Test
  void nothingButTheInventoryLeavesBeforeTheWelcome() throws Exception {
    Connection connection = server.accept();
    assertTrue(
        link.send(new AgentMessage.Stop("x")).isCompletedExceptionally(), "no link, no sends");

    handshake(connection, 1);

    link.send(new AgentMessage.VmStatus("vm-1", VmRuntimeState.EXITED, 0, false, null)).get();
    assertEquals(
        new AgentMessage.VmStatus("vm-1", VmRuntimeState.EXITED, 0, false, null),
        receiveSkippingHeartbeats(connection));
  }

  @Test
  void fragmentedMessagesFromTheServerAreReassembledAndDispatched() throws Exception {
    Connection connection = server.accept();
    handshake(connection, 1);

    AgentMessage.Stop stop = new AgentMessage.Stop("vm-with-a-long-name");
    connection.sendText(AgentMessages.toJson(stop), 4);
    byte[] keys = "ls -la\n".getBytes();
    ByteBuffer frame = TerminalFrame.encode(9, keys, 0, keys.length);
    connection.sendBinary(frame.array(), 3);

    assertEquals(stop, handler.messages.poll(10, TimeUnit.SECONDS));
    TerminalFrame input = TerminalFrame.decode(handler.frames.poll(10, TimeUnit.SECONDS));
    assertEquals(9, input.channel());
    byte[] bytes = new byte[input.data().remaining()];
    input.data().get(bytes);
    assertArrayEquals(keys, bytes);
  }

  @Test
  void terminalFramesGoOutAsBinaryMessages() throws Exception {
    Connection connection = server.accept();
    handshake(connection, 1);

    byte[] output = "hello".getBytes();
    link.sendBinary(TerminalFrame.encode(4, output, 0, output.length)).get();

    TinyWebSocketServer.Message message;
    do {
      message = connection.next();
    } while (message.text());
    assertArrayEquals(TerminalFrame.encode(4, output, 0, output.length).array(), message.payload());
  }

  @Test
  void theAgentReconnectsAndReportsAgainAfterTheServerCloses() throws Exception {
    Connection first = server.accept();
    handshake(first, 1);

    first.sendClose();
    Connection second = server.accept();
    handshake(second, 2);

    assertEquals(1, handler.closed.get(), "terminals of the old link are closed once");
    assertEquals(2, handler.welcomes.get());
  }

  @Test
  void aLinkOnWhichNothingComesBackIsDroppedAndMadeAgain() throws Exception {
    Connection first = server.accept();
    handshake(first, 1);
    long linked = System.nanoTime();
    receive(first); // a heartbeat (and its ping, answered): the link stays
    receive(first);
    assertTrue(first.pings() >= 2, "each heartbeat goes with a ping: " + first.pings());

    first.fallSilent();
    Connection second = server.accept();
    handshake(second, 1);

    long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linked);
    // Silent from the second heartbeat (2 s in, 1 s apart): dropped some heartbeats later.
    assertTrue(after >= 1000L * (1 + LinkSession.SILENT_BEATS), "only after silence: " + after);
    assertEquals(2, handler.welcomes.get(), "the VMs are reported again on the new link");
  }

  @Test
  void anAgentThatWasPausedKeepsItsLink() throws Exception {
    Connection connection = server.accept();
    handshake(connection, 1);

    // Its timers stop for longer than the silence limit, as under SIGSTOP or a host's suspend:
    // no pings go out, so no pongs come back, but the server did not fall silent.
    long pauseMillis = 1000L * (LinkSession.SILENT_BEATS + 2);
    scheduler
        .submit(
            () -> {
              Thread.sleep(pauseMillis);
              return null;
            })
        .get();

    long resumed = System.nanoTime();
    AgentMessage message;
    do {
      message = receive(connection); // fails after 10 s if the link was dropped
    } while (System.nanoTime() - resumed < TimeUnit.MILLISECONDS.toNanos(2500));
    assertInstanceOf(AgentMessage.Heartbeat.class, message, "still beating on the same link");
    assertEquals(1, handler.welcomes.get());
  }

  @Test
  void aServerThatNoLongerKnowsTheNodeHasItRegisteredAgain() throws Exception {
    Connection forgetful = server.accept();
    forgetful.sendText(AgentMessages.toJson(new AgentMessage.Challenge("ab".repeat(32))), 1);
    assertInstanceOf(AgentMessage.Auth.class, receive(forgetful));
    forgetful.sendClose(1008, AgentLinkAuth.UNKNOWN_NODE);

    Connection again = server.accept();
    handshake(again, 1);

    assertEquals(1, registrations.get(), "registered before the link was made again");
  }

  @Test
  void aServerThatSkipsTheChallengeIsDroppedAndTriedAgain() throws Exception {
    Connection rude = server.accept();
    rude.sendText(AgentMessages.toJson(new AgentMessage.Welcome(NODE_ID, 1000)), 1);

    Connection polite = server.accept();
    handshake(polite, 1);

    assertEquals(0, handler.closed.get(), "a link that was never welcomed had no terminals");
  }

  @Test
  void closingTheLinkSendsACloseFrame() throws Exception {
    Connection connection = server.accept();
    handshake(connection, 1);

    link.close();

    assertTrue(connection.closedByAgent());
    assertTrue(link.send(new AgentMessage.Stop("x")).isCompletedExceptionally());
  }

  /** Plays the server's side of the handshake and checks the agent's. */
  private void handshake(Connection connection, int challengeParts) throws Exception {
    String challenge = AgentLinkAuth.newChallenge();
    connection.sendText(
        AgentMessages.toJson(new AgentMessage.Challenge(challenge)), challengeParts);
    AgentMessage.Auth auth = (AgentMessage.Auth) receive(connection);
    assertEquals(NODE_ID, auth.nodeId());
    assertEquals(key.publicKeyHex(), auth.pubkey());
    assertTrue(AgentLinkAuth.verify(auth, challenge), "a valid signature of the challenge");

    connection.sendText(AgentMessages.toJson(new AgentMessage.Welcome(NODE_ID, 1000)), 1);
    assertEquals(INVENTORY, receive(connection));
  }

  private static AgentMessage receive(Connection connection) throws Exception {
    TinyWebSocketServer.Message message = connection.next();
    assertTrue(message.text(), "a control message");
    return AgentMessages.fromJson(message.string());
  }

  private static AgentMessage receiveSkippingHeartbeats(Connection connection) throws Exception {
    AgentMessage message;
    do {
      message = receive(connection);
    } while (message instanceof AgentMessage.Heartbeat);
    return message;
  }

  /** The agent's side: reports one VM, counts links, records what the server sent. */
  static final class RecordingHandler implements LinkHandler {
    volatile ServerLink link;
    final AtomicInteger welcomes = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final BlockingQueue<AgentMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> frames = new LinkedBlockingQueue<>();

    @Override
    public void onWelcome() {
      welcomes.incrementAndGet();
      link.sendInventory(INVENTORY);
    }

    @Override
    public AgentMessage.Heartbeat heartbeat() {
      return new AgentMessage.Heartbeat(12.5, 1024, 10, 2);
    }

    @Override
    public void onMessage(AgentMessage message) {
      messages.add(message);
    }

    @Override
    public void onBinary(ByteBuffer frame) {
      frames.add(frame);
    }

    @Override
    public void onClosed() {
      closed.incrementAndGet();
    }
  }
}
