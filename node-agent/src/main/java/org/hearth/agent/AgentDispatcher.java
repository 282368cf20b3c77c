package org.hearth.agent;

import java.nio.ByteBuffer;
import org.hearth.agent.host.HostLoad;
import org.hearth.agent.host.LoadSampler;
import org.hearth.agent.link.LinkHandler;
import org.hearth.agent.vm.TerminalSessions;
import org.hearth.agent.vm.VmSupervisor;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.agent.TerminalFrame;

/** Routes what the server sends to the VM supervisor and the terminals, and makes heartbeats. */
final class AgentDispatcher implements LinkHandler {
  private static final System.Logger LOG = System.getLogger(AgentDispatcher.class.getName());

  private final VmSupervisor supervisor;
  private final TerminalSessions terminals;
  private final LoadSampler load;

  AgentDispatcher(VmSupervisor supervisor, TerminalSessions terminals, LoadSampler load) {
    this.supervisor = supervisor;
    this.terminals = terminals;
    this.load = load;
  }

  @Override
  public void onWelcome() {
    supervisor.reportInventory();
  }

  @Override
  public AgentMessage.Heartbeat heartbeat() {
    HostLoad now = load.sample();
    return new AgentMessage.Heartbeat(
        now.cpuPercent(), now.memoryUsedMiB(), now.diskUsedGiB(), supervisor.runningVms());
  }

  @Override
  public void onMessage(AgentMessage message) {
    if (message instanceof AgentMessage.Provision provision) {
      supervisor.provision(provision.vmId(), provision.spec());
    } else if (message instanceof AgentMessage.Stop stop) {
      supervisor.stop(stop.vmId());
    } else if (message instanceof AgentMessage.Suspend suspend) {
      supervisor.suspend(suspend.vmId());
    } else if (message instanceof AgentMessage.TerminalOpen open) {
      terminals.open(open, supervisor.runningWorkload(open.vmId()));
    } else if (message instanceof AgentMessage.TerminalResize resize) {
      terminals.resize(resize.channel(), resize.cols(), resize.rows());
    } else if (message instanceof AgentMessage.TerminalClose close) {
      terminals.close(close.channel());
    } else {
      LOG.log(System.Logger.Level.WARNING, "Ignoring unexpected " + message);
    }
  }

  @Override
  public void onBinary(ByteBuffer frame) {
    try {
      TerminalFrame terminalFrame = TerminalFrame.decode(frame);
      terminals.input(terminalFrame.channel(), terminalFrame.data());
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "Ignoring a binary frame: " + e.getMessage());
    }
  }

  @Override
  public void onClosed() {
    terminals.closeAll();
  }
}
