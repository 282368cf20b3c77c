package org.hearth.domain.node;

import java.util.List;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.money.Money;

/**
 * What a node says about itself when it registers: hardware, where it is and what it asks.
 *
 * @param policy what the provider lets run, {@link ProviderPolicy#OPEN} when it says nothing
 * @param pricePerPointHour price of one compute point for one hour, in the settlement asset's
 *     smallest unit
 */
public record NodeProfile(
    String region,
    List<String> tags,
    String description,
    String arch,
    int cores,
    long memoryMib,
    long diskGib,
    List<Gpu> gpus,
    long computePoints,
    Money pricePerPointHour,
    ProviderPolicy policy) {

  public NodeProfile {
    tags = List.copyOf(tags);
    gpus = List.copyOf(gpus);
    policy = policy == null ? ProviderPolicy.OPEN : policy;
  }
}
