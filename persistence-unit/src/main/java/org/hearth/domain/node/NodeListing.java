package org.hearth.domain.node;

import java.util.List;
import org.hearth.protocol.money.Money;

/**
 * What tenants see of a node in the market and its operator may edit. A null field stays as it is.
 */
public record NodeListing(
    String region, List<String> tags, String description, Money pricePerPointHour) {

  public NodeListing {
    tags = tags == null ? null : List.copyOf(tags);
  }
}
