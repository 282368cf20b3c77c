package org.hearth.application.billing;

/** What a ledger movement is for. */
public enum MovementType {
  /** An admin credits a tenant: ADMIN_CREDITS → TENANT_AVAILABLE. */
  ADMIN_CREDIT,
  /** A deposit from a tenant's wallet: CHAIN_DEPOSITS → TENANT_AVAILABLE. */
  DEPOSIT,
  /** A deposit from a wallet of no account: CHAIN_DEPOSITS → UNCLAIMED_DEPOSITS. */
  UNCLAIMED_DEPOSIT,
  /** A billing period's price held in advance: TENANT_AVAILABLE → TENANT_HELD. */
  HOLD,
  /** A period settled: TENANT_HELD → OPERATOR_EARNED, PLATFORM_FEES, and the rest back. */
  SETTLE,
  /** A node's earnings from before its operator claimed it move to the operator. */
  NODE_CLAIMED,
  /** Earnings leave for the chain: OPERATOR_EARNED → OPERATOR_PAYING. */
  PAYOUT_PENDING,
  /** A payout confirmed on-chain: OPERATOR_PAYING → OPERATOR_PAID. */
  PAYOUT_CONFIRMED,
  /** A payout failed, earnings return: OPERATOR_PAYING → OPERATOR_EARNED. */
  PAYOUT_FAILED
}
