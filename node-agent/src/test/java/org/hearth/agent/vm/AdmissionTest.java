package org.hearth.agent.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.agent.host.Gpu;
import org.hearth.agent.host.HostInventory;
import org.hearth.protocol.agent.VmSpec;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  private static final HostInventory HOST =
      new HostInventory("x86_64", 4, 8192, 100, List.of(new Gpu("T4", 15360)));
  private static final ProviderPolicy POLICY =
      new ProviderPolicy(
          Set.of(Tier.STANDARD, Tier.BURSTABLE),
          Set.of("sandbox", "kvm"),
          List.of("python3 *", "sleep *"),
          3,
          new ProviderPolicy.Reserved(2, 1024, 10),
          false);
  private final Admission admission =
      new Admission(POLICY, Capacity.offered(HOST, POLICY.reserved()), Set.of("sandbox"));

  @Test
  void offersTheHostLessTheReserve() {
    assertEquals(
        new Capacity(2 * Tier.SHARES_PER_CORE, 7168, 90, 1),
        Capacity.offered(HOST, POLICY.reserved()));
  }

  @Test
  void acceptsWhatFits() {
    assertEquals(Optional.empty(), admission.refusal(vm(Tier.BURSTABLE, 8, 7168), List.of()));
  }

  @Test
  void appliesTheProviderPolicy() {
    assertEquals(
        Optional.of("tier GUARANTEED is not accepted"),
        admission.refusal(vm(Tier.GUARANTEED, 1, 64), List.of()));
    assertEquals(
        Optional.of("command is not on the allow-list"),
        admission.refusal(spec(Tier.STANDARD, 1, 64, 0, "sandbox", "rm -rf /", false), List.of()));
    assertEquals(
        Optional.of("outbound network is not allowed"),
        admission.refusal(spec(Tier.STANDARD, 1, 64, 0, "sandbox", "sleep 1", true), List.of()));
  }

  @Test
  void refusesARuntimeThePolicyAllowsButTheNodeLacks() {
    assertEquals(
        Optional.of("runtime kvm is not available on this node"),
        admission.refusal(spec(Tier.STANDARD, 1, 64, 0, "kvm", "sleep 1", false), List.of()));
  }

  @Test
  void countsOvercommittedCpuByTier() {
    // Burstable takes a quarter core per vCPU: 8 fill the 2 offered cores, a 9th does not fit.
    assertEquals(
        Optional.of("not enough CPU: the node's VMs would need 2.25 cores of the 2 it offers"),
        admission.refusal(vm(Tier.BURSTABLE, 1, 64), List.of(vm(Tier.BURSTABLE, 8, 64))));
    // Standard takes two thirds: 3 vCPUs are exactly 2 cores.
    assertEquals(Optional.empty(), admission.refusal(vm(Tier.STANDARD, 3, 64), List.of()));
  }

  @Test
  void neverOvercommitsMemoryDiskOrGpus() {
    assertEquals(
        Optional.of("not enough memory: the node's VMs would need 7169 MiB of the 7168 it offers"),
        admission.refusal(vm(Tier.BURSTABLE, 1, 1), List.of(vm(Tier.BURSTABLE, 1, 7168))));
    assertEquals(
        Optional.of("not enough disk: the node's VMs would need 91 GiB of the 90 it offers"),
        admission.refusal(
            spec(Tier.STANDARD, 1, 64, 0, "sandbox", "sleep 1", false, 91), List.of()));
    assertEquals(
        Optional.of("not enough GPUs: the node's VMs would need 2 GPUs of the 1 it offers"),
        admission.refusal(spec(Tier.STANDARD, 1, 64, 2, "sandbox", "sleep 1", false), List.of()));
  }

  @Test
  void limitsTheNumberOfVms() {
    List<VmSpec> three =
        List.of(vm(Tier.BURSTABLE, 1, 64), vm(Tier.BURSTABLE, 1, 64), vm(Tier.BURSTABLE, 1, 64));
    assertEquals(
        Optional.of("the node already runs its maximum of 3 VMs"),
        admission.refusal(vm(Tier.BURSTABLE, 1, 64), three));
  }

  @Test
  void refusesIncompleteSpecs() {
    assertEquals(
        Optional.of("the VM spec is missing or lacks its tier, runtime or command"),
        admission.refusal(spec(null, 1, 64, 0, "sandbox", "sleep 1", false), List.of()));
    assertEquals(
        Optional.of("the VM spec is missing or lacks its tier, runtime or command"),
        admission.refusal(null, List.of()));
    assertEquals(
        Optional.of("the VM spec asks for no CPU, no memory or a negative amount"),
        admission.refusal(vm(Tier.STANDARD, 0, 64), List.of()));
  }

  static VmSpec vm(Tier tier, int vcpus, long memoryMiB) {
    return spec(tier, vcpus, memoryMiB, 0, "sandbox", "sleep 100", false);
  }

  static VmSpec spec(
      Tier tier, int vcpus, long memoryMiB, int gpus, String runtime, String command, boolean net) {
    return spec(tier, vcpus, memoryMiB, gpus, runtime, command, net, 1);
  }

  static VmSpec spec(
      Tier tier,
      int vcpus,
      long memoryMiB,
      int gpus,
      String runtime,
      String command,
      boolean net,
      long diskGiB) {
    return new VmSpec(vcpus, memoryMiB, diskGiB, gpus, tier, runtime, command, Map.of(), net);
  }
}
