package org.hearth.interfaces.rest.template;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/templates/{slug}/rating}. */
public class RatingRequest {

  @NotNull
  @Min(1)
  @Max(5)
  public Integer stars;
}
