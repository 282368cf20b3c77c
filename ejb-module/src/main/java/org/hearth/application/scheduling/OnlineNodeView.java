package org.hearth.application.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.hearth.domain.node.Node;

/**
 * The scheduler's in-memory view of the online nodes, so a placement decision reads no database
 * rows. It may be stale in both directions, which costs a retry, never correctness: a node that
 * looks free is checked under its row lock before capacity is taken, and a placement that finds
 * nothing reloads the view once before it gives up.
 */
@ApplicationScoped
public class OnlineNodeView {

  private static final System.Logger LOG = System.getLogger(OnlineNodeView.class.getName());

  @Inject NodeSnapshotReader reader;
  @Inject SchedulingSettings settings;
  @Inject Clock clock;

  private final ReentrantLock loading = new ReentrantLock();
  private volatile NodeSlots slots = new NodeSlots(List.of());
  private volatile Instant loadedAt = Instant.EPOCH;

  /**
   * The nodes as last seen; reloaded first when older than {@code hearth.scheduling.view-refresh}.
   * One caller reloads while the others go on with the view they have. Slots of nodes gone from the
   * view are null.
   */
  public List<NodeSnapshot> current() {
    if (isOlderThan(settings.viewRefresh()) && loading.tryLock()) {
      try {
        if (isOlderThan(settings.viewRefresh())) {
          reload();
        }
      } finally {
        loading.unlock();
      }
    }
    return slots;
  }

  /** The nodes of {@code region} as last seen, as {@link #current()} gives them. */
  public List<NodeSnapshot> inRegion(String region) {
    current();
    return slots.region(region);
  }

  public Optional<NodeSnapshot> get(String nodeId) {
    current();
    return slots.find(nodeId);
  }

  /** Makes sure the view was read at or after {@code since}, waiting for a reload under way. */
  public void ensureLoadedSince(Instant since) {
    loading.lock();
    try {
      if (loadedAt.isBefore(since)) {
        reload();
      }
    } finally {
      loading.unlock();
    }
  }

  public void remove(String nodeId) {
    slots.remove(nodeId);
  }

  /** A node's row was read or changed in this transaction (capacity checked, taken or freed). */
  public void changed(Node node) {
    slots.update(node.id(), snapshot -> snapshot.refreshedFrom(node));
  }

  private boolean isOlderThan(Duration age) {
    return loadedAt.plus(age).isBefore(clock.instant());
  }

  private void reload() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    NodeSlots fresh = new NodeSlots(reader.online(now));
    slots = fresh;
    loadedAt = now;
    LOG.log(
        System.Logger.Level.DEBUG,
        "scheduler view: {0} online nodes read in {1} ms",
        fresh.size(),
        (System.nanoTime() - started) / 1_000_000);
  }
}
