package org.hearth.application.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;

/**
 * Writes an offline node's missed heartbeat intervals to its per-day history and moves its claim
 * ({@code downtimeCountedUntil}) forward in the same transaction. The node's version column makes
 * that claim safe: of two servers counting the same node at once, one fails to commit and counts
 * nothing.
 */
@ApplicationScoped
public class DowntimeRecorder {

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;

  /** The intervals the node has missed since its downtime was last counted. */
  public MissedIntervals pending(Node node, Instant now) {
    return MissedIntervals.between(
        node.lastSeenAt(), node.downtimeCountedUntil(), now, settings.heartbeatInterval());
  }

  /** Counts the node's pending missed intervals; the caller's transaction commits them. */
  public void record(Node node, Instant now) {
    MissedIntervals missed = pending(node, now);
    if (missed.total() == 0) {
      return;
    }
    missed.perDay().forEach((day, count) -> nodes.addMissed(node.id(), day, count));
    node.downtimeCountedUntil(missed.countedUntil());
  }
}
