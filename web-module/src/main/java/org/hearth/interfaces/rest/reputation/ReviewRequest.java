package org.hearth.interfaces.rest.reputation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hearth.domain.reputation.NodeReview;

/** The body of {@code POST /api/vms/{id}/review}. */
public class ReviewRequest {

  @NotNull
  @Min(1)
  @Max(5)
  public Integer rating;

  @Size(max = NodeReview.MAX_COMMENT)
  public String comment;
}
