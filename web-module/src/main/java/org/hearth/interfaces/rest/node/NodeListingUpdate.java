package org.hearth.interfaces.rest.node;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hearth.domain.node.NodeListing;
import org.hearth.protocol.money.Money;

/** The body of {@code PATCH /api/nodes/{id}/profile}; a field left out stays as it is. */
public class NodeListingUpdate {

  @Size(max = 64)
  @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only")
  public String region;

  @Size(max = 32)
  public List<@NotBlank @Size(max = 64) String> tags;

  @Size(max = 2000)
  public String description;

  @PositiveOrZero public Long pricePerPointHour;

  @PositiveOrZero public Long pricePerMemoryGiBHour;

  @PositiveOrZero public Long pricePerDiskGiBHour;

  @PositiveOrZero public Long pricePerGpuHour;

  NodeListing toListing() {
    return new NodeListing(
        region,
        tags,
        description,
        money(pricePerPointHour),
        money(pricePerMemoryGiBHour),
        money(pricePerDiskGiBHour),
        money(pricePerGpuHour));
  }

  private static Money money(Long amount) {
    return amount == null ? null : Money.of(amount);
  }
}
