package org.hearth.interfaces.rest.template;

import org.hearth.domain.template.Rating;

/** A template's ratings: how many tenants rated it and their mean stars (0 with none). */
public class RatingResponse {

  public long count;
  public double average;

  static RatingResponse of(Rating rating) {
    RatingResponse r = new RatingResponse();
    r.count = rating.count();
    r.average = Math.round(rating.average() * 100) / 100.0;
    return r;
  }
}
