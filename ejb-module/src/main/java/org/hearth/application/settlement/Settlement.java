package org.hearth.application.settlement;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.hearth.application.billing.Ledger;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/** What the API shows of deposits, payouts and the chain's holdings. */
@Stateless
public class Settlement {

  @Inject SettlementChain chain;
  @Inject ChainStore store;
  @Inject Ledger ledger;
  @Inject Clock clock;

  public boolean enabled() {
    return chain.enabled();
  }

  /** Where to deposit; the chain must be enabled. */
  public DepositInfo depositInfo() {
    return new DepositInfo(
        chain.platformAddress(), chain.tokenAddress(), chain.chainId(), chain.confirmations());
  }

  public List<ChainStore.Deposit> unclaimedDeposits() {
    return store.unclaimedDeposits(500);
  }

  public List<Payout> payoutsOf(String accountId) {
    return store.payoutsOf(accountId, 200);
  }

  public void setPayoutAddress(String accountId, String address) {
    store.setPayoutAddress(accountId, address.toLowerCase(Locale.ROOT), clock.instant());
  }

  /**
   * The platform wallet's token balance against the books: it must hold at least all deposits less
   * the payouts confirmed and in flight. Holdings are unknown (null) while the RPC node is down.
   */
  public Holdings holdings() {
    if (!chain.enabled()) {
      return new Holdings(false, null, 0, true);
    }
    long deposits = -ledger.sumOfType(LedgerAccountType.CHAIN_DEPOSITS).amount();
    long paid = ledger.sumOfType(LedgerAccountType.OPERATOR_PAID).amount();
    long paying = ledger.sumOfType(LedgerAccountType.OPERATOR_PAYING).amount();
    long expected = deposits - paid - paying;
    Long holdings;
    try {
      Money balance = chain.tokenBalance(chain.platformAddress());
      holdings = balance.amount();
    } catch (ChainUnavailableException e) {
      holdings = null;
    }
    return new Holdings(true, holdings, expected, holdings != null && holdings >= expected);
  }

  public record DepositInfo(String address, String token, long chainId, int confirmations) {}

  /** {@code consistent}: holdings ≥ expected (deposits − confirmed payouts − in flight). */
  public record Holdings(boolean enabled, Long holdings, long expected, boolean consistent) {}
}
