package org.hearth.domain.reputation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link NodeReview#says}: whether a review is the one some feedback would make. */
class NodeReviewTest {

  @Test
  void aReviewSaysItsRatingAndCommentAsItKeepsThem() {
    NodeReview review = new NodeReview("vm", "node", "account", 4, "  ran fine ", Instant.EPOCH);

    assertTrue(review.says(4, "ran fine"));
    assertTrue(review.says(4, "ran fine\n"), "compared as kept: stripped");
    assertFalse(review.says(5, "ran fine"));
    assertFalse(review.says(4, "ran badly"));
  }

  @Test
  void noCommentAndABlankOneAreTheSame() {
    NodeReview review = new NodeReview("vm", "node", "account", 2, null, Instant.EPOCH);

    assertTrue(review.says(2, ""));
    assertTrue(review.says(2, " "));
    assertTrue(review.says(2, null));
    assertFalse(review.says(2, "slow"));
  }
}
