package org.hearth.interfaces.websocket;

import jakarta.websocket.Session;
import java.io.IOException;

/**
 * Sends on a WebSocket session without the container scanning every jar for each message.
 *
 * <p>Tyrus re-arms a session's idle timer on every send by scheduling a task on the container's
 * managed scheduled executor, even when the session has no idle timeout (the task then does
 * nothing). For each such task Payara captures the thread's context, which looks up Jakarta
 * Concurrency's {@code ThreadContextProvider} services through the thread's context class loader: a
 * resource scan of the application's and the runtime's jars, more than half of the relay's server
 * CPU under load (bench/README.md, "Relay"). With the platform class loader as the context for the
 * send, that lookup finds nothing at once. Hearth's sockets have no idle timeout; a session that
 * has one keeps the application's context, which its timer needs to close it.
 */
public final class Sends {

  /** A send on the session's remote endpoint. */
  @FunctionalInterface
  public interface Send {
    void run() throws IOException;
  }

  private Sends() {}

  public static void on(Session session, Send send) throws IOException {
    if (session.getMaxIdleTimeout() > 0) {
      send.run();
      return;
    }
    Thread thread = Thread.currentThread();
    ClassLoader application = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      send.run();
    } finally {
      thread.setContextClassLoader(application);
    }
  }
}
