package org.hearth.agent.vm;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hearth.agent.link.Outbox;
import org.hearth.agent.runtime.RunningWorkload;
import org.hearth.agent.runtime.Terminal;
import org.hearth.agent.runtime.WorkloadException;
import org.hearth.protocol.agent.AgentMessage;

/**
 * One terminal on one link channel. Opening, input and resizes run in order on the session's own
 * thread (so a shell that stops reading blocks only its own terminal, never the link); output is
 * pumped by a second thread. When the shell ends the server gets a TerminalExit with its code.
 */
final class TerminalSession {
  private static final System.Logger LOG = System.getLogger(TerminalSession.class.getName());

  /** How long a terminal whose output ended may take to report its exit code. */
  private static final long EXIT_WAIT_SECONDS = 10;

  private final int channel;
  private final Outbox outbox;
  private final Consumer<TerminalSession> onEnd;
  private final ExecutorService control;
  private volatile Terminal terminal;
  private volatile boolean closed;

  /**
   * @param onEnd called when the session is over
   */
  TerminalSession(int channel, Outbox outbox, Consumer<TerminalSession> onEnd) {
    this.channel = channel;
    this.outbox = outbox;
    this.onEnd = onEnd;
    this.control = Executors.newSingleThreadExecutor(daemon("terminal-" + channel));
  }

  void open(RunningWorkload workload, int cols, int rows) {
    control.execute(() -> openNow(workload, cols, rows));
  }

  void input(byte[] bytes) {
    whenOpen(
        opened -> {
          try {
            opened.input().write(bytes);
            opened.input().flush();
          } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Terminal " + channel + " takes no input: " + e);
          }
        });
  }

  void resize(int cols, int rows) {
    whenOpen(opened -> opened.resize(cols, rows));
  }

  /** Runs after the open (in order with other input); dropped if the terminal never opened. */
  private void whenOpen(Consumer<Terminal> action) {
    try {
      control.execute(
          () -> {
            Terminal opened = terminal;
            if (opened != null && !closed) {
              action.accept(opened);
            }
          });
    } catch (RejectedExecutionException sessionOver) {
      LOG.log(System.Logger.Level.DEBUG, "Terminal " + channel + " is over; input dropped");
    }
  }

  /** Ends the terminal at the server's request; the server needs no TerminalExit for it. */
  void close() {
    closed = true;
    Terminal opened = terminal;
    if (opened != null) {
      opened.close(); // also unblocks a write stuck on a shell that reads no input
    }
    control.shutdownNow();
  }

  private void openNow(RunningWorkload workload, int cols, int rows) {
    Terminal opened;
    try {
      opened = workload.openTerminal(cols, rows);
    } catch (WorkloadException | RuntimeException e) {
      exit(-1, "cannot open a terminal: " + e.getMessage());
      end();
      return;
    }
    terminal = opened;
    if (closed) {
      opened.close();
      end();
      return;
    }
    Thread pump = daemon("terminal-" + channel + "-output").newThread(() -> pumpOutput(opened));
    pump.start();
  }

  private void pumpOutput(Terminal opened) {
    boolean linkUp = true;
    try {
      TerminalPump.pump(opened.output(), channel, outbox);
    } catch (IOException e) {
      // A PTY whose shell is gone reads as an error (EIO) rather than end of file.
      LOG.log(System.Logger.Level.DEBUG, "Terminal " + channel + " output ended: " + e);
    } catch (CompletionException linkDown) {
      linkUp = false;
    }
    if (linkUp && !closed) {
      exit(exitCode(opened), null);
    }
    opened.close();
    end();
  }

  private int exitCode(Terminal opened) {
    try {
      return opened.exit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  private void exit(int code, String reason) {
    outbox.send(new AgentMessage.TerminalExit(channel, code, reason));
  }

  private void end() {
    control.shutdown();
    onEnd.accept(this);
  }

  int channel() {
    return channel;
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
