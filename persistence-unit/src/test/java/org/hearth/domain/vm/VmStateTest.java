package org.hearth.domain.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
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

  private static Vm vm(Integer durationMinutes) {
    return new Vm(
        "a".repeat(64),
        new VmRequest(
            "t",
            1,
            64,
            1,
            0,
            Tier.BURSTABLE,
            "sandbox",
            "sh",
            Map.of(),
            false,
            null,
            List.of(),
            null,
            null,
            durationMinutes,
            0),
        T0);
  }
}
