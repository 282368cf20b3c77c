package org.hearth.application.market;

import java.util.Optional;
import java.util.Set;
import org.hearth.domain.node.Demand;
import org.hearth.protocol.compute.Tier;

/**
 * A marketplace search: every filter is optional (null or empty means any).
 *
 * @param gpuModel with {@code gpuRequired}: a GPU whose model contains this text (any case)
 * @param fits a VM that the node must be able to host now, under its tier's overcommit
 */
public record MarketQuery(
    Set<String> tags,
    String region,
    Long maxPricePerPointHour,
    Double minUptime,
    Long minPoints,
    boolean gpuRequired,
    String gpuModel,
    Boolean online,
    Fit fits,
    Sort sort,
    int page,
    int size) {

  /** A VM the node must fit. */
  public record Fit(Tier tier, Demand demand) {}

  /** Orders of the result; best first. */
  public enum Sort {
    REPUTATION,
    UPTIME,
    PRICE,
    CAPACITY
  }

  public MarketQuery {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    sort = sort == null ? Sort.REPUTATION : sort;
  }

  Optional<Fit> fit() {
    return Optional.ofNullable(fits);
  }
}
