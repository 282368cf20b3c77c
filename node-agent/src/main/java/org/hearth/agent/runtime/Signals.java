package org.hearth.agent.runtime;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

/** Signals host processes by pid (SIGTERM and SIGKILL, all {@link ProcessHandle} can send). */
final class Signals {

  /** Supplies the pids that are still to be killed. */
  interface PidSource {
    Set<Long> pids() throws IOException;
  }

  private static final int KILL_ROUNDS = 250;

  private Signals() {}

  static void terminate(Collection<Long> pids) {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
  }

  static void kill(Collection<Long> pids) {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  /**
   * SIGKILLs what {@code source} lists until it lists nothing, so that processes forked while the
   * list was read are caught in a later round.
   */
  static void killUntilGone(PidSource source) throws IOException {
    for (int round = 0; round < KILL_ROUNDS; round++) {
      Set<Long> pids = source.pids();
      if (pids.isEmpty()) {
        return;
      }
      kill(pids);
      pause(10);
    }
    throw new IOException("processes survive SIGKILL: " + source.pids());
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
