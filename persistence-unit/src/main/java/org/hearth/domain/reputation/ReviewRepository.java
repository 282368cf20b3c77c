package org.hearth.domain.reputation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where node reviews are kept. */
public interface ReviewRepository {

  /** The VM's review, if it has one. */
  Optional<NodeReview> find(String vmId);

  /** The newest {@code limit} reviews made at or after {@code since}, newest first. */
  List<NodeReview> latestSince(Instant since, int limit);

  /** Adds a review; one per VM is checked by the database at the latest. */
  void add(NodeReview review);

  /** The node's newest reviews first. */
  List<NodeReview> latestOf(String nodeId, int limit);

  /** The review counts and rating sums of every reviewed node. */
  Map<String, ReviewStats> statsPerNode();
}
