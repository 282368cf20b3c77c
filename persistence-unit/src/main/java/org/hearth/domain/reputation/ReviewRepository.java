package org.hearth.domain.reputation;

import java.util.List;
import java.util.Map;

/** Where node reviews are kept. */
public interface ReviewRepository {

  boolean exists(String vmId);

  /** Adds a review; one per VM is checked by the database at the latest. */
  void add(NodeReview review);

  /** The node's newest reviews first. */
  List<NodeReview> latestOf(String nodeId, int limit);

  /** The review counts and rating sums of every reviewed node. */
  Map<String, ReviewStats> statsPerNode();
}
