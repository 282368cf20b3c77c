package org.hearth.application.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.application.billing.Ledger;
import org.hearth.application.billing.Movement;
import org.junit.jupiter.api.Test;

/**
 * {@link PayoutCycle#reconcile}: a payout is confirmed or failed only once what decides it is
 * {@code confirmations} blocks deep, as failing one pays its money again.
 */
class PayoutReconcileTest {

  private static final int CONFIRMATIONS = 3;
  private static final long LATEST = 100;

  private final PayoutCycle cycle = new PayoutCycle();
  private final List<Payout> submitted = new ArrayList<>();
  private final Map<String, TransferReceipt> receipts = new HashMap<>();
  private final Map<String, Payout.State> marked = new HashMap<>();
  private final List<String> posted = new ArrayList<>();
  private long minedNonce;
  private long settledNonce;

  PayoutReconcileTest() {
    cycle.clock = Clock.fixed(Instant.parse("2026-12-07T20:00:00Z"), ZoneOffset.UTC);
    cycle.settings = new SettlementSettings();
    cycle.settings.maxTransfers = 10;
    cycle.ledger =
        new Ledger() {
          @Override
          public boolean post(Movement movement) {
            posted.add(movement.idempotencyKey());
            return true;
          }
        };
    cycle.store =
        fake(
            ChainStore.class,
            (name, args) ->
                switch (name) {
                  case "lockCursor" -> 0L;
                  case "lockSubmitted" -> List.copyOf(submitted);
                  case "markState" -> marked.put((String) args[0], (Payout.State) args[1]);
                  default -> throw new UnsupportedOperationException(name);
                });
    cycle.chain =
        fake(
            SettlementChain.class,
            (name, args) ->
                switch (name) {
                  case "latestBlock" -> LATEST;
                  case "confirmations" -> CONFIRMATIONS;
                  case "minedNonce" -> nonce(args);
                  case "receipt" -> Optional.ofNullable(receipts.get((String) args[0]));
                  default -> throw new UnsupportedOperationException(name);
                });
  }

  /** The wallet's nonce at the latest block, or at the block asked for. */
  private long nonce(Object[] args) {
    if (args == null) {
      return minedNonce;
    }
    assertEquals(LATEST - CONFIRMATIONS, (long) args[0], "the nonce as of that many blocks back");
    return settledNonce;
  }

  @Test
  void aRevertedTransferFailsOnlyOnceItsBlockIsDeepEnough() {
    submit("p1", 0);
    minedNonce = 1;
    settledNonce = 1;
    receipts.put("tx-p1", new TransferReceipt("tx-p1", LATEST - 1, false));

    assertEquals(List.of(), cycle.reconcile(), "mined: nothing to send again");
    assertEquals(Map.of(), marked, "a reorg may still bring it back successful");

    receipts.put("tx-p1", new TransferReceipt("tx-p1", LATEST - CONFIRMATIONS, false));
    cycle.reconcile();
    assertEquals(Map.of("p1", Payout.State.FAILED), marked);
    assertEquals(List.of("payout:p1:failed"), posted);
  }

  @Test
  void aNonceTakenByAnotherTransactionFailsThePayoutOnlyOnceThatIsDeepEnough() {
    submit("p1", 4);
    minedNonce = 5;
    settledNonce = 4;

    assertEquals(List.of(), cycle.reconcile(), "its nonce is taken: not sent again");
    assertEquals(Map.of(), marked, "a receipt may be late, or the block undone");

    settledNonce = 5;
    cycle.reconcile();
    assertEquals(Map.of("p1", Payout.State.FAILED), marked);
  }

  @Test
  void aPayoutWhoseNonceIsFreeIsSentAgainAndOneDeepEnoughIsConfirmed() {
    submit("p1", 5);
    submit("p2", 4);
    minedNonce = 5;
    settledNonce = 5;
    receipts.put("tx-p2", new TransferReceipt("tx-p2", LATEST - CONFIRMATIONS, true));

    List<SignedTransfer> resend = cycle.reconcile();

    assertEquals(List.of("tx-p1"), resend.stream().map(SignedTransfer::transactionHash).toList());
    assertEquals(Map.of("p2", Payout.State.CONFIRMED), marked);
    assertEquals(List.of("payout:p2:confirmed"), posted);
  }

  private void submit(String id, long nonce) {
    submitted.add(
        new Payout(
            id,
            "account-" + id,
            1_000_000,
            "0x" + "ab".repeat(20),
            Payout.State.SUBMITTED,
            nonce,
            "tx-" + id,
            "0xraw",
            Instant.EPOCH));
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
