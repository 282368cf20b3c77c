package org.hearth.agent.vm;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.agent.link.Outbox;
import org.hearth.agent.runtime.RunningWorkload;
import org.hearth.protocol.agent.AgentMessage;

/** The open terminals of the current link, by channel. Several may share a VM. */
public final class TerminalSessions {
  private static final System.Logger LOG = System.getLogger(TerminalSessions.class.getName());

  private final Outbox outbox;
  private final Map<Integer, TerminalSession> sessions = new ConcurrentHashMap<>();

  public TerminalSessions(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * @param workload the VM's workload, empty when the VM is not running here
   */
  public void open(AgentMessage.TerminalOpen request, Optional<RunningWorkload> workload) {
    int channel = request.channel();
    if (workload.isEmpty()) {
      refuse(channel, "VM " + request.vmId() + " is not running on this node");
      return;
    }
    TerminalSession session =
        new TerminalSession(channel, outbox, ended -> sessions.remove(ended.channel(), ended));
    if (sessions.putIfAbsent(channel, session) != null) {
      refuse(channel, "channel " + channel + " is already open");
      return;
    }
    session.open(workload.get(), request.cols(), request.rows());
  }

  public void input(int channel, ByteBuffer data) {
    TerminalSession session = sessions.get(channel);
    if (session == null) {
      LOG.log(System.Logger.Level.DEBUG, "Input for closed terminal channel " + channel);
      return;
    }
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    session.input(bytes);
  }

  public void resize(int channel, int cols, int rows) {
    TerminalSession session = sessions.get(channel);
    if (session != null) {
      session.resize(cols, rows);
    }
  }

  public void close(int channel) {
    TerminalSession session = sessions.remove(channel);
    if (session != null) {
      session.close();
    }
  }

  /** The link is gone, and its channels with it. */
  public void closeAll() {
    List.copyOf(sessions.keySet()).forEach(this::close);
  }

  private void refuse(int channel, String reason) {
    outbox.send(new AgentMessage.TerminalExit(channel, -1, reason));
  }
}
