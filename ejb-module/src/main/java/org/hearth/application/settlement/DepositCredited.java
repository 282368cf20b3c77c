package org.hearth.application.settlement;

/**
 * A confirmed deposit was credited to a tenant's available balance. Fired inside the scanning
 * transaction; observers that tell the tenant wait for its commit.
 */
public record DepositCredited(String tenantAccountId, String transactionHash) {}
