package org.hearth.domain.billing;

import java.time.Instant;

/**
 * A VM's lease: the hourly price locked when it was placed, the tenant who pays, the earner who is
 * paid (the node's operator account, or {@code node:<id>} until one claims it), and the end of the
 * time held so far.
 */
public record Lease(
    String vmId,
    String tenantAccountId,
    String nodeId,
    String earner,
    long pricePerHour,
    Instant openedAt,
    Instant heldUntil) {}
