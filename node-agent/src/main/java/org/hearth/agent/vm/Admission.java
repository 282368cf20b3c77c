package org.hearth.agent.vm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * Decides whether this node takes a VM: the provider's policy, the runtimes installed here, the VM
 * count limit and the capacity left. The scheduler applies the same rules, so a refusal here means
 * the server's view of the node is out of date.
 */
final class Admission {
  private final ProviderPolicy policy;
  private final Capacity offered;
  private final Set<String> runtimes;

  Admission(ProviderPolicy policy, Capacity offered, Set<String> runtimes) {
    this.policy = policy;
    this.offered = offered;
    this.runtimes = Set.copyOf(runtimes);
  }

  /** Why the VM is refused, or empty when it may run beside the {@code placed} ones. */
  Optional<String> refusal(VmSpec wanted, Collection<VmSpec> placed) {
    if (wanted == null
        || wanted.tier() == null
        || wanted.runtime() == null
        || wanted.command() == null) {
      return Optional.of("the VM spec is missing or lacks its tier, runtime or command");
    }
    if (wanted.vcpus() < 1 || wanted.memoryMiB() < 1 || wanted.diskGiB() < 0 || wanted.gpus() < 0) {
      return Optional.of("the VM spec asks for no CPU, no memory or a negative amount");
    }
    Optional<String> policyRefusal =
        policy.refusal(wanted.tier(), wanted.runtime(), wanted.command(), wanted.outboundNetwork());
    if (policyRefusal.isPresent()) {
      return policyRefusal;
    }
    if (!runtimes.contains(wanted.runtime())) {
      return Optional.of("runtime " + wanted.runtime() + " is not available on this node");
    }
    if (placed.size() >= policy.maxVms()) {
      return Optional.of("the node already runs its maximum of " + policy.maxVms() + " VMs");
    }
    Capacity used = placed.stream().map(Capacity::of).reduce(Capacity.NONE, Capacity::plus);
    Capacity after = used.plus(Capacity.of(wanted));
    if (after.coreShares() > offered.coreShares()) {
      return shortage("CPU", cores(after.coreShares()), cores(offered.coreShares()), "cores");
    }
    if (after.memoryMiB() > offered.memoryMiB()) {
      return shortage("memory", after.memoryMiB(), offered.memoryMiB(), "MiB");
    }
    if (after.diskGiB() > offered.diskGiB()) {
      return shortage("disk", after.diskGiB(), offered.diskGiB(), "GiB");
    }
    if (after.gpus() > offered.gpus()) {
      return shortage("GPUs", after.gpus(), offered.gpus(), "GPUs");
    }
    return Optional.empty();
  }

  private static Optional<String> shortage(
      String what, Object needed, Object offered, String unit) {
    return Optional.of(
        "not enough %s: the node's VMs would need %s %s of the %s it offers"
            .formatted(what, needed, unit, offered));
  }

  private static String cores(long shares) {
    return BigDecimal.valueOf(shares)
        .divide(BigDecimal.valueOf(Tier.SHARES_PER_CORE), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
