package org.hearth.application.billing;

/** A lease's next period could not be held: its VM is to be suspended. */
public record LeaseUnpaid(String vmId, String tenantAccountId, String reason) {}
