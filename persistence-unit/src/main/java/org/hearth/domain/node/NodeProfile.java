package org.hearth.domain.node;

import java.util.List;
import java.util.Objects;
import org.hearth.protocol.compute.ProviderPolicy;

/**
 * What a node says about itself when it registers: hardware, where it is and what it asks.
 *
 * @param policy what the provider lets run, {@link ProviderPolicy#OPEN} when it says nothing
 * @param prices what the node charges per hour (compute points, memory, disk, GPUs)
 * @param hostTools host programs the node's VMs can run (its agent looks for them)
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
    PriceList prices,
    ProviderPolicy policy,
    List<String> hostTools) {

  public NodeProfile {
    tags = List.copyOf(tags);
    gpus = List.copyOf(gpus);
    Objects.requireNonNull(prices, "prices");
    policy = policy == null ? ProviderPolicy.OPEN : policy;
    hostTools = hostTools == null ? List.of() : hostTools.stream().distinct().sorted().toList();
  }

  /** A profile that reports no host tools. */
  public NodeProfile(
      String region,
      List<String> tags,
      String description,
      String arch,
      int cores,
      long memoryMib,
      long diskGib,
      List<Gpu> gpus,
      long computePoints,
      PriceList prices,
      ProviderPolicy policy) {
    this(
        region,
        tags,
        description,
        arch,
        cores,
        memoryMib,
        diskGib,
        gpus,
        computePoints,
        prices,
        policy,
        List.of());
  }
}
