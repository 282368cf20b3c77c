package org.hearth.domain.billing;

/**
 * The kinds of ledger account. Tenant and operator accounts are owned by an account id; the others
 * by {@link LedgerAccountRef#PLATFORM}. Only sources ({@link #isSource()}) may go negative: money
 * enters the books through them.
 */
public enum LedgerAccountType {
  /** What a tenant may spend. */
  TENANT_AVAILABLE,
  /** What is held from a tenant for the billing periods in progress. */
  TENANT_HELD,
  /** What an operator (or a node nobody has claimed yet, owner {@code node:<id>}) has earned. */
  OPERATOR_EARNED,
  /** Earnings in a payout that is on its way to the chain. */
  OPERATOR_PAYING,
  /** Earnings paid out on-chain. */
  OPERATOR_PAID,
  /** The platform's fees. */
  PLATFORM_FEES,
  /** Source of deposits received on-chain (its balance is minus all deposits). */
  CHAIN_DEPOSITS,
  /** Deposits from wallets that belong to no account. */
  UNCLAIMED_DEPOSITS,
  /** Source of balances credited by an admin. */
  ADMIN_CREDITS;

  public boolean isSource() {
    return this == CHAIN_DEPOSITS || this == ADMIN_CREDITS;
  }
}
