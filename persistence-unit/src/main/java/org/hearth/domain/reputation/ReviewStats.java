package org.hearth.domain.reputation;

/**
 * How many reviews a node (or the whole marketplace) has, and the sum of their ratings.
 *
 * @param count reviews
 * @param sum their stars added up
 */
public record ReviewStats(long count, long sum) {

  public static final ReviewStats NONE = new ReviewStats(0, 0);

  /** The mean rating in [1, 5], or 0 without reviews. */
  public double average() {
    return count == 0 ? 0 : (double) sum / count;
  }

  public ReviewStats plus(ReviewStats other) {
    return new ReviewStats(count + other.count, sum + other.sum);
  }
}
