package org.hearth.application.billing;

/**
 * A billing period of a VM was held or settled: its tenant's balance and the VM's charges changed.
 * Fired inside the billing transaction; observers that tell the tenant wait for its commit.
 */
public record PeriodBilled(String vmId, String tenantAccountId) {}
