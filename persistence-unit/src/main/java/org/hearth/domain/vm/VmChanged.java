package org.hearth.domain.vm;

import java.time.Instant;

/**
 * A VM was created or changed (a CDI event, fired when its row is written; observe it after the
 * transaction commits).
 */
public record VmChanged(
    String vmId,
    String ownerAccountId,
    VmState state,
    String stateReason,
    String nodeId,
    Instant at) {}
