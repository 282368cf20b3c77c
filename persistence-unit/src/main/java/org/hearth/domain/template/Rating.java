package org.hearth.domain.template;

/**
 * The ratings of a template: how many tenants rated it and their average stars (0 when none).
 *
 * @param count ratings given
 * @param average mean stars, in [1, 5], or 0 with no ratings
 */
public record Rating(long count, double average) {

  public static final Rating NONE = new Rating(0, 0);
}
