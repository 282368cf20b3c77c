package org.hearth.agent.link;

import java.util.List;
import org.hearth.agent.config.AgentConfig;
import org.hearth.agent.host.Gpu;
import org.hearth.agent.host.HostInventory;
import org.hearth.protocol.compute.ProviderPolicy;

/**
 * The body of {@code POST /api/nodes}: what this node offers, at what price, under which policy.
 */
public record NodeRegistration(
    String machineId,
    String region,
    List<String> tags,
    String description,
    String arch,
    int cores,
    long memoryMiB,
    long diskGiB,
    List<Gpu> gpus,
    long computePoints,
    long pricePerPointHour,
    long pricePerMemoryGiBHour,
    long pricePerDiskGiBHour,
    long pricePerGpuHour,
    ProviderPolicy policy,
    String operator,
    List<String> hostTools) {

  public static NodeRegistration of(
      String machineId, AgentConfig config, HostInventory host, long computePoints) {
    return of(machineId, config, host, computePoints, List.of());
  }

  /**
   * @param hostTools the host programs the node's VMs can run (see {@code HostToolProbe})
   */
  public static NodeRegistration of(
      String machineId,
      AgentConfig config,
      HostInventory host,
      long computePoints,
      List<String> hostTools) {
    return new NodeRegistration(
        machineId,
        config.region(),
        config.tags(),
        config.description(),
        host.arch(),
        host.cores(),
        host.memoryMiB(),
        host.diskGiB(),
        host.gpus(),
        computePoints,
        config.pricePerPointHour(),
        config.pricePerMemoryGibHour(),
        config.pricePerDiskGibHour(),
        config.pricePerGpuHour(),
        config.policy(),
        config.operator(),
        List.copyOf(hostTools));
  }
}
