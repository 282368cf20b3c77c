package org.hearth.domain.vm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.domain.persistence.StringMapConverter;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/**
 * What a tenant asks for.
 *
 * @param maxPricePerHour the most the tenant pays per hour, or null for any price
 * @param durationMinutes after how long the VM is stopped, or null to run until deleted
 * @param waitSeconds how long the request may wait for capacity when no node can take it now (0:
 *     fail at once)
 * @param requiredTools host programs the node must have (see the node's {@code hostTools})
 * @param secretEnv names of {@code env} variables whose values are secrets: passed to the VM, never
 *     shown or logged
 * @param templateSlug the template the VM was deployed from, or null
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
    int waitSeconds,
    List<String> requiredTools,
    Set<String> secretEnv,
    String templateSlug) {

  /** The most characters {@code env} may take as stored (a JSON object): its column's width. */
  public static final int MAX_ENV_JSON = 16_000;

  /**
   * @throws InvalidVmRequestException when {@code env} is too large to store
   */
  public VmRequest {
    int envLength = StringMapConverter.maxStoredLength(env);
    if (envLength > MAX_ENV_JSON) {
      throw new InvalidVmRequestException(
          "env",
          "at most "
              + MAX_ENV_JSON
              + " characters in all, as a JSON object (escapes included); this one has "
              + envLength);
    }
    env = Map.copyOf(env);
    tags = List.copyOf(tags);
    requiredTools = List.copyOf(requiredTools);
    secretEnv = Set.copyOf(secretEnv);
  }

  /** A request for a plain VM: no template, no required tools, no secrets. */
  public VmRequest(
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
    this(
        name,
        vcpus,
        memoryMib,
        diskGib,
        gpus,
        tier,
        runtime,
        command,
        env,
        outboundNetwork,
        region,
        tags,
        targetNodeId,
        maxPricePerHour,
        durationMinutes,
        waitSeconds,
        List.of(),
        Set.of(),
        null);
  }

  /** This request, for node {@code nodeId} only. */
  public VmRequest onNode(String nodeId) {
    return with(nodeId, requiredTools, secretEnv, templateSlug);
  }

  /** This request from a template: it needs {@code tools}, and {@code secrets} stay hidden. */
  public VmRequest fromTemplate(String slug, List<String> tools, Set<String> secrets) {
    return with(targetNodeId, tools, secrets, slug);
  }

  private VmRequest with(String nodeId, List<String> tools, Set<String> secrets, String slug) {
    return new VmRequest(
        name,
        vcpus,
        memoryMib,
        diskGib,
        gpus,
        tier,
        runtime,
        command,
        env,
        outboundNetwork,
        region,
        tags,
        nodeId,
        maxPricePerHour,
        durationMinutes,
        waitSeconds,
        tools,
        secrets,
        slug);
  }

  /** Names the environment's variables, never their values: some may be secrets. */
  @Override
  public String toString() {
    return "VmRequest[name=" + name + ", command=" + command + ", env=" + env.keySet() + "]";
  }
}
