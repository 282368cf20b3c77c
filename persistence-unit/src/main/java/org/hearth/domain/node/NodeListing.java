package org.hearth.domain.node;

import java.util.List;
import org.hearth.protocol.money.Money;

/**
 * What tenants see of a node in the market and its operator may edit: where it is, what it says,
 * and its prices (each per hour, in the settlement asset's smallest unit). A null field stays as it
 * is.
 */
public record NodeListing(
    String region,
    List<String> tags,
    String description,
    Money pricePerPointHour,
    Money pricePerMemoryGibHour,
    Money pricePerDiskGibHour,
    Money pricePerGpuHour) {

  public NodeListing {
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** {@code current} with the prices this listing names replaced. */
  public PriceList pricesOver(PriceList current) {
    return new PriceList(
        pricePerPointHour != null ? pricePerPointHour : current.perPointHour(),
        pricePerMemoryGibHour != null ? pricePerMemoryGibHour : current.perMemoryGibHour(),
        pricePerDiskGibHour != null ? pricePerDiskGibHour : current.perDiskGibHour(),
        pricePerGpuHour != null ? pricePerGpuHour : current.perGpuHour());
  }
}
