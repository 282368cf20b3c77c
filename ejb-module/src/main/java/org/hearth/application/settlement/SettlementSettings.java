package org.hearth.application.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deposit scanning ({@code hearth.chain.*}) and payout ({@code hearth.settlement.*}) settings. */
@ApplicationScoped
public class SettlementSettings {

  @Inject
  @ConfigProperty(name = "hearth.chain.poll-interval", defaultValue = "PT15S")
  Duration pollInterval;

  @Inject
  @ConfigProperty(name = "hearth.chain.start-block", defaultValue = "0")
  long startBlock;

  @Inject
  @ConfigProperty(name = "hearth.chain.scan-range", defaultValue = "1000")
  int scanRange;

  @Inject
  @ConfigProperty(name = "hearth.settlement.period", defaultValue = "PT1H")
  Duration period;

  @Inject
  @ConfigProperty(name = "hearth.settlement.min-payout", defaultValue = "1000000")
  long minPayout;

  @Inject
  @ConfigProperty(name = "hearth.settlement.max-transfers", defaultValue = "50")
  int maxTransfers;

  /** How often deposits are scanned and submitted payouts reconciled. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** The first block the deposit scanner looks at, when it has no cursor yet. */
  public long startBlock() {
    return startBlock;
  }

  /** Blocks per eth_getLogs call. */
  public int scanRange() {
    return Math.max(1, scanRange);
  }

  /** How often operators are paid. */
  public Duration period() {
    return period;
  }

  /** The least earned balance that is paid out. */
  public long minPayout() {
    return Math.max(1, minPayout);
  }

  /** Transfers per payout cycle at most. */
  public int maxTransfers() {
    return Math.max(1, maxTransfers);
  }
}
