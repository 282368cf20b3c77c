package org.hearth.protocol.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Control messages of the agent link: one JSON text frame each, told apart by {@code type}.
 * Terminal bytes travel in binary frames instead (see {@link TerminalFrame}).
 *
 * <p>Order on a new connection: server {@link Challenge}; agent {@link Auth}; server {@link
 * Welcome} (or closes the link); agent {@link Inventory}; then any message in either direction.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AgentMessage.Challenge.class, name = "challenge"),
  @JsonSubTypes.Type(value = AgentMessage.Auth.class, name = "auth"),
  @JsonSubTypes.Type(value = AgentMessage.Welcome.class, name = "welcome"),
  @JsonSubTypes.Type(value = AgentMessage.Heartbeat.class, name = "heartbeat"),
  @JsonSubTypes.Type(value = AgentMessage.Inventory.class, name = "inventory"),
  @JsonSubTypes.Type(value = AgentMessage.Provision.class, name = "provision"),
  @JsonSubTypes.Type(value = AgentMessage.Stop.class, name = "stop"),
  @JsonSubTypes.Type(value = AgentMessage.Suspend.class, name = "suspend"),
  @JsonSubTypes.Type(value = AgentMessage.VmStatus.class, name = "vm-status"),
  @JsonSubTypes.Type(value = AgentMessage.TerminalOpen.class, name = "terminal-open"),
  @JsonSubTypes.Type(value = AgentMessage.TerminalResize.class, name = "terminal-resize"),
  @JsonSubTypes.Type(value = AgentMessage.TerminalClose.class, name = "terminal-close"),
  @JsonSubTypes.Type(value = AgentMessage.TerminalExit.class, name = "terminal-exit"),
  @JsonSubTypes.Type(value = AgentMessage.SignOffer.class, name = "sign-offer"),
  @JsonSubTypes.Type(value = AgentMessage.SignedOffer.class, name = "signed-offer"),
})
public sealed interface AgentMessage {

  /** Server → agent, first message: sign this to prove you hold the node's key. */
  record Challenge(String challenge) implements AgentMessage {}

  /**
   * Agent → server: the answer to the challenge, a BIP-340 signature (hex) by the node's key over
   * {@link AgentLinkAuth#message}.
   */
  record Auth(String nodeId, String pubkey, String signature) implements AgentMessage {}

  /** Server → agent: the link now speaks for this node. */
  record Welcome(String nodeId, long heartbeatIntervalMillis) implements AgentMessage {}

  /** Agent → server: counts for uptime exactly like a REST heartbeat. */
  record Heartbeat(double cpuPercent, long memoryUsedMiB, long diskUsedGiB, int runningVms)
      implements AgentMessage {}

  /** Agent → server, after every (re)connect: every VM the agent runs, so the server reconciles. */
  record Inventory(List<VmReport> vms) implements AgentMessage {
    public Inventory {
      vms = List.copyOf(vms);
    }
  }

  /** One VM in an {@link Inventory}. */
  record VmReport(String vmId, VmRuntimeState state) {}

  /** Server → agent: run this VM. Idempotent: a VM the agent already runs is reported again. */
  record Provision(String vmId, VmSpec spec) implements AgentMessage {}

  /**
   * Server → agent: stop this VM and delete all its files, also those of a VM the agent no longer
   * runs (a suspended one, or one left by an earlier run of the agent). Idempotent; answered with
   * {@code STOPPED}.
   */
  record Stop(String vmId) implements AgentMessage {}

  /**
   * Server → agent: stop this VM's workload (as {@link Stop} does) but keep its disk, so that a
   * later {@link Provision} of the same VM id starts it again on the files it had. Used when a VM
   * is suspended; a {@link Stop} discards the kept files. Idempotent; answered with {@code
   * STOPPED}.
   */
  record Suspend(String vmId) implements AgentMessage {}

  /** Agent → server: a VM changed state. */
  record VmStatus(
      String vmId, VmRuntimeState state, Integer exitCode, boolean outOfMemory, String reason)
      implements AgentMessage {}

  /** Server → agent: open a terminal in a VM on this channel (unique per link). */
  record TerminalOpen(String vmId, int channel, int cols, int rows) implements AgentMessage {}

  /** Server → agent: the terminal window changed size. */
  record TerminalResize(int channel, int cols, int rows) implements AgentMessage {}

  /** Server → agent: the terminal's user went away; end it. */
  record TerminalClose(int channel) implements AgentMessage {}

  /** Agent → server: the terminal ended (code -1 when it could not open; see reason). */
  record TerminalExit(int channel, int code, String reason) implements AgentMessage {}

  /**
   * Server → agent: sign the node's offer (Nostr kind 31900, docs/nip-compute.md) with these tags
   * and content, as of {@code createdAt} (Unix seconds). The agent signs nothing else: only kind
   * 31900, only with a {@code d} tag of its own node id.
   */
  record SignOffer(long createdAt, List<List<String>> tags, String content)
      implements AgentMessage {
    public SignOffer {
      tags = tags.stream().map(List::copyOf).toList();
    }
  }

  /** Agent → server: the offer signed by the node's key, a Nostr event in JSON. */
  record SignedOffer(String event) implements AgentMessage {}
}
