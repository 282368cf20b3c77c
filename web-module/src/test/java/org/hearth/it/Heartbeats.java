package org.hearth.it;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Keeps simulated nodes online by heartbeating for them in the background, as agents would. */
final class Heartbeats implements AutoCloseable {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

  Heartbeats(List<SimulatedNode> nodes, List<String> ids) {
    executor.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).heartbeat(ids.get(i));
          }
        },
        0,
        500,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
