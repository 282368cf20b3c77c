package org.hearth.domain.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.Test;

class VmStateTest {

  private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void finalStatesLeadNowhere() {
    for (VmState end : EnumSet.of(VmState.TERMINATED, VmState.FAILED, VmState.LOST)) {
      assertTrue(end.isFinal());
      for (VmState any : VmState.values()) {
        assertFalse(end.canBecome(any), end + " -> " + any);
      }
    }
  }

  @Test
  void theHappyPathIsAllowedAndRecorded() {
    Vm vm = vm(30);
    vm.schedule("n".repeat(64), org.hearth.protocol.money.Money.of(5), "placed", T0.plusSeconds(1));
    vm.transition(VmState.PROVISIONING, "agent is setting up", T0.plusSeconds(2));
    vm.transition(VmState.RUNNING, "agent started it", T0.plusSeconds(3));
    vm.transition(VmState.STOPPING, "deleted", T0.plusSeconds(4));
    vm.transition(VmState.TERMINATED, "stopped", T0.plusSeconds(5));

    assertEquals(
        List.of(
            VmState.REQUESTED,
            VmState.SCHEDULED,
            VmState.PROVISIONING,
            VmState.RUNNING,
            VmState.STOPPING,
            VmState.TERMINATED),
        vm.history().stream().map(VmTransition::to).toList());
    assertEquals(VmState.RUNNING, vm.history().get(4).from());
    assertEquals(T0.plusSeconds(3).plusSeconds(30 * 60), vm.expiresAt());
  }

  @Test
  void illegalTransitionsAreImpossible() {
    Vm vm = vm(null);
    assertThrows(
        IllegalVmTransitionException.class, () -> vm.transition(VmState.RUNNING, "skip", T0));
    vm.transition(VmState.FAILED, "no node", T0);
    assertThrows(
        IllegalVmTransitionException.class, () -> vm.transition(VmState.SCHEDULED, "revive", T0));
    assertEquals(VmState.FAILED, vm.state());
    assertEquals(2, vm.history().size());
  }

  @Test
  void onlyPlacedLiveVmsHoldCapacity() {
    assertFalse(VmState.REQUESTED.holdsCapacity());
    assertTrue(VmState.SCHEDULED.holdsCapacity());
    assertTrue(VmState.STOPPING.holdsCapacity());
    assertFalse(VmState.LOST.holdsCapacity());
  }

  @Test
  void aReasonLongerThanItsColumnIsCutAndMarked() {
    Vm vm = vm(null);
    String tags = "missing tags [" + "t".repeat(1100) + "]";

    vm.stillWaiting(tags, T0);
    assertEquals(Vm.MAX_REASON, vm.stateReason().length());
    vm.transition(VmState.FAILED, "no node: " + tags, T0);

    assertEquals(Vm.MAX_REASON, vm.stateReason().length());
    assertTrue(vm.stateReason().endsWith("…"), vm.stateReason());
    assertEquals(vm.stateReason(), vm.history().get(vm.history().size() - 1).cause());
    vm = vm(null);
    vm.transition(VmState.FAILED, "short", T0);
    assertEquals("short", vm.stateReason(), "a reason that fits is kept as it is");
  }

  @Test
  void anEnvironmentTooLargeToStoreIsRefused() {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      env.put("VAR_" + i, "x".repeat(4096));
    }
    InvalidVmRequestException refused =
        assertThrows(InvalidVmRequestException.class, () -> request(env));
    assertTrue(refused.getMessage().startsWith("env: at most 16000"), refused.getMessage());

    env.remove("VAR_3");
    assertEquals(3, request(env).env().size(), "three values of 4096 fit");
  }

  private static Vm vm(Integer durationMinutes) {
    return new Vm("a".repeat(64), request(Map.of(), durationMinutes), T0);
  }

  private static VmRequest request(Map<String, String> env) {
    return request(env, null);
  }

  private static VmRequest request(Map<String, String> env, Integer durationMinutes) {
    return new VmRequest(
        "t",
        1,
        64,
        1,
        0,
        Tier.BURSTABLE,
        "sandbox",
        "sh",
        env,
        false,
        null,
        List.of(),
        null,
        null,
        durationMinutes,
        0);
  }
}
