package org.hearth.interfaces.rest.billing;

import org.hearth.application.billing.Balances;
import org.hearth.protocol.money.Money;

/** An account's balances, in the asset's smallest unit. */
public class BalanceResponse {
  public String asset = "USDC";
  public int decimals = Money.USDC_DECIMALS;
  public long available;
  public long held;
  public long earned;
  public long paying;
  public long paid;

  static BalanceResponse of(Balances.Of b) {
    BalanceResponse r = new BalanceResponse();
    r.available = b.available().amount();
    r.held = b.held().amount();
    r.earned = b.earned().amount();
    r.paying = b.paying().amount();
    r.paid = b.paid().amount();
    return r;
  }
}
