package org.hearth.protocol.agent;

import java.util.Map;
import org.hearth.protocol.compute.Tier;

/** What the agent must run for a VM, as the orchestrator placed it. */
public record VmSpec(
    int vcpus,
    long memoryMiB,
    long diskGiB,
    int gpus,
    Tier tier,
    String runtime,
    String command,
    Map<String, String> env,
    boolean outboundNetwork) {

  public VmSpec {
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** Names the environment's variables, never their values: some are secrets. */
  @Override
  public String toString() {
    return "VmSpec[vcpus=%d, memoryMiB=%d, diskGiB=%d, gpus=%d, tier=%s, runtime=%s, env=%s, outboundNetwork=%s]"
        .formatted(
            vcpus,
            memoryMiB,
            diskGiB,
            gpus,
            tier,
            runtime,
            new java.util.TreeSet<>(env.keySet()),
            outboundNetwork);
  }
}
