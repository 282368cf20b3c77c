package org.hearth.agent.runtime;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link Terminal} on a pty4j PTY. */
final class PtyTerminal implements Terminal {

  private final PtyProcess process;
  private final CompletableFuture<Integer> exit;

  private PtyTerminal(PtyProcess process, CompletableFuture<Integer> exit) {
    this.process = process;
    this.exit = exit;
  }

  /**
   * Starts {@code argv} on a new PTY.
   *
   * @param waiter runs the thread that waits for the process to end
   */
  static PtyTerminal start(
      List<String> argv, Map<String, String> env, int cols, int rows, Executor waiter)
      throws IOException {
    checkSize(cols, rows);
    PtyProcess process =
        new PtyProcessBuilder(argv.toArray(String[]::new))
            .setEnvironment(env)
            .setDirectory("/")
            .setInitialColumns(cols)
            .setInitialRows(rows)
            .setRedirectErrorStream(true)
            .start();
    return new PtyTerminal(process, CompletableFuture.supplyAsync(() -> waitFor(process), waiter));
  }

  private static int waitFor(PtyProcess process) {
    while (true) {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        // keep waiting: only the process's end completes the terminal
      }
    }
  }

  private static void checkSize(int cols, int rows) {
    if (cols < 1 || cols > 0xFFFF || rows < 1 || rows > 0xFFFF) {
      throw new IllegalArgumentException("terminal size out of range: " + cols + "x" + rows);
    }
  }

  @Override
  public InputStream output() {
    return process.getInputStream();
  }

  @Override
  public OutputStream input() {
    return process.getOutputStream();
  }

  @Override
  public void resize(int cols, int rows) {
    checkSize(cols, rows);
    process.setWinSize(new WinSize(cols, rows));
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  /**
   * SIGKILLs the terminal's session except its leader, nsenter, which then reaps the shell and
   * exits; then closes the PTY. A hangup alone would spare processes that ignore SIGHUP, and
   * killing nsenter first would leave the shell to the host's init to reap. Processes that left the
   * session (setsid) keep running, as after an SSH logout.
   */
  @Override
  public void close() {
    long leader = process.pid();
    if (process.isAlive()) {
      try {
        Signals.killUntilGone(() -> sessionWithout(leader)); // rounds catch racing forks
        exit.get(1, TimeUnit.SECONDS);
      } catch (IOException | ExecutionException | TimeoutException e) {
        // nsenter outlives its shell, or session members survive: killed below, or with the VM
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    closeQuietly(process.getInputStream());
    closeQuietly(process.getOutputStream());
  }

  private static Set<Long> sessionWithout(long leader) {
    Set<Long> members = ProcTable.session(leader);
    members.remove(leader);
    return members;
  }

  private static void closeQuietly(AutoCloseable stream) {
    try {
      stream.close();
    } catch (Exception e) {
      // already closed with the PTY
    }
  }
}
