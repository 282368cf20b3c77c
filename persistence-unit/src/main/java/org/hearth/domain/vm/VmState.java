package org.hearth.domain.vm;

import java.util.EnumSet;
import java.util.Set;

/**
 * A VM's life: {@code REQUESTED → SCHEDULED → PROVISIONING → RUNNING → STOPPING → TERMINATED}, or
 * {@code FAILED} (with a reason) and {@code LOST} (its node was offline too long). The last three
 * are final. A VM whose next billing period cannot be paid is {@code SUSPENDED}: stopped, but kept
 * on its node until it is resumed ({@code → REQUESTED} for that node) or deleted. Only the
 * transitions listed here are possible.
 */
public enum VmState {
  REQUESTED,
  SCHEDULED,
  PROVISIONING,
  RUNNING,
  STOPPING,
  TERMINATED,
  FAILED,
  LOST,
  SUSPENDED;

  private Set<VmState> next;

  static {
    REQUESTED.next = EnumSet.of(SCHEDULED, FAILED, TERMINATED);
    SCHEDULED.next = EnumSet.of(PROVISIONING, RUNNING, STOPPING, FAILED, LOST, SUSPENDED);
    PROVISIONING.next = EnumSet.of(RUNNING, STOPPING, FAILED, LOST, SUSPENDED);
    RUNNING.next = EnumSet.of(PROVISIONING, STOPPING, TERMINATED, FAILED, LOST, SUSPENDED);
    SUSPENDED.next = EnumSet.of(REQUESTED, TERMINATED);
    STOPPING.next = EnumSet.of(TERMINATED, FAILED, LOST);
    TERMINATED.next = EnumSet.noneOf(VmState.class);
    FAILED.next = EnumSet.noneOf(VmState.class);
    LOST.next = EnumSet.noneOf(VmState.class);
  }

  public boolean canBecome(VmState state) {
    return next.contains(state);
  }

  public boolean isFinal() {
    return next.isEmpty();
  }

  /** Whether a VM in this state holds capacity on its node. */
  public boolean holdsCapacity() {
    return this == SCHEDULED || this == PROVISIONING || this == RUNNING || this == STOPPING;
  }
}
