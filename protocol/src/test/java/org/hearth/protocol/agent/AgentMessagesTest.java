package org.hearth.protocol.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

class AgentMessagesTest {

  @Test
  void everyMessageSurvivesTheWire() throws Exception {
    List<AgentMessage> messages =
        List.of(
            new AgentMessage.Challenge("ab"),
            new AgentMessage.Welcome("n1", 15_000),
            new AgentMessage.Heartbeat(12.5, 100, 2, 1),
            new AgentMessage.Inventory(
                List.of(new AgentMessage.VmReport("vm-1", VmRuntimeState.RUNNING))),
            new AgentMessage.Provision(
                "vm-1",
                new VmSpec(
                    2, 512, 1, 0, Tier.BURSTABLE, "sandbox", "sleep 60", Map.of("A", "b"), false)),
            new AgentMessage.Stop("vm-1"),
            new AgentMessage.Suspend("vm-1"),
            new AgentMessage.VmStatus("vm-1", VmRuntimeState.FAILED, 137, true, "out of memory"),
            new AgentMessage.TerminalOpen("vm-1", 7, 80, 24),
            new AgentMessage.TerminalResize(7, 120, 40),
            new AgentMessage.TerminalClose(7),
            new AgentMessage.TerminalExit(7, 0, null));
    for (AgentMessage message : messages) {
      assertEquals(message, AgentMessages.fromJson(AgentMessages.toJson(message)));
    }
    assertTrue(AgentMessages.toJson(new AgentMessage.Stop("x")).contains("\"type\":\"stop\""));
    assertTrue(
        AgentMessages.toJson(new AgentMessage.Suspend("x")).contains("\"type\":\"suspend\""));
  }

  @Test
  void refusesUnknownOrMalformedMessages() {
    assertThrows(
        AgentMessages.InvalidMessageException.class,
        () -> AgentMessages.fromJson("{\"type\":\"nope\"}"));
    assertThrows(AgentMessages.InvalidMessageException.class, () -> AgentMessages.fromJson("[1,2"));
    assertThrows(
        AgentMessages.InvalidMessageException.class,
        () -> AgentMessages.fromJson("{\"type\":\"terminal-close\",\"channel\":\"x\"}"));
    assertThrows(AgentMessages.InvalidMessageException.class, () -> AgentMessages.fromJson("null"));
  }

  @Test
  void theChallengeAnswerIsBoundToChallengeAndNode() {
    NostrKeyPair key = NostrKeyPair.generate();
    String challenge = AgentLinkAuth.newChallenge();
    AgentMessage.Auth auth = AgentLinkAuth.answer(key, challenge, "node-a");

    assertTrue(AgentLinkAuth.verify(auth, challenge));
    assertFalse(AgentLinkAuth.verify(auth, AgentLinkAuth.newChallenge()));
    assertFalse(
        AgentLinkAuth.verify(
            new AgentMessage.Auth("node-b", auth.pubkey(), auth.signature()), challenge));
    assertFalse(
        AgentLinkAuth.verify(
            new AgentMessage.Auth(
                "node-a", NostrKeyPair.generate().publicKeyHex(), auth.signature()),
            challenge));
    assertFalse(AgentLinkAuth.verify(new AgentMessage.Auth("node-a", "zz", "00"), challenge));
  }

  @Test
  void terminalFramesCarryTheirChannel() {
    byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
    TerminalFrame frame = TerminalFrame.decode(TerminalFrame.encode(42, bytes, 1, 3));

    assertEquals(42, frame.channel());
    assertEquals(ByteBuffer.wrap("ell".getBytes(StandardCharsets.UTF_8)), frame.data());
    assertThrows(
        IllegalArgumentException.class, () -> TerminalFrame.decode(ByteBuffer.allocate(3)));
  }

  @Test
  void tiersTakeCoresByTheirOvercommitRatio() {
    assertEquals(2 * Tier.SHARES_PER_CORE, Tier.GUARANTEED.coreShares(2));
    assertEquals(2 * Tier.SHARES_PER_CORE, Tier.STANDARD.coreShares(3));
    assertEquals(Tier.SHARES_PER_CORE, Tier.BALANCED.coreShares(2));
    assertEquals(Tier.SHARES_PER_CORE, Tier.BURSTABLE.coreShares(4));
    assertEquals(1.5, Tier.STANDARD.ratio());
  }
}
