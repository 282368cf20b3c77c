package org.hearth.domain.vm;

import java.util.List;
import java.util.Map;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * What a tenant asks for.
 *
 * @param maxPricePerHour the most the tenant pays per hour, or null for any price
 * @param durationMinutes after how long the VM is stopped, or null to run until deleted
 * @param waitSeconds how long the request may wait for capacity when no node can take it now (0:
 *     fail at once)
 */
public record VmRequest(
    String name,
    int vcpus,
    long memoryMib,
    long diskGib,
    int gpus,
    Tier tier,
    String runtime,
    String command,
    Map<String, String> env,
    boolean outboundNetwork,
    String region,
    List<String> tags,
    String targetNodeId,
    Money maxPricePerHour,
    Integer durationMinutes,
    int waitSeconds) {

  public VmRequest {
    env = Map.copyOf(env);
    tags = List.copyOf(tags);
  }
}
