package org.hearth.interfaces.rest.reputation;

import java.time.Instant;
import org.hearth.domain.reputation.NodeReview;

/** A review as the API shows it (the author's account stays private). */
public class ReviewResponse {
  public String vmId;
  public String nodeId;
  public int rating;
  public String comment;
  public Instant createdAt;

  public static ReviewResponse of(NodeReview review) {
    ReviewResponse r = new ReviewResponse();
    r.vmId = review.vmId();
    r.nodeId = review.nodeId();
    r.rating = review.rating();
    r.comment = review.comment();
    r.createdAt = review.createdAt();
    return r;
  }
}
