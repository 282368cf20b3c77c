package org.hearth.application.settlement;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.application.billing.Ledger;
import org.hearth.application.billing.Movement;
import org.hearth.application.billing.MovementType;
import org.hearth.domain.billing.LedgerAccountRef;
import org.hearth.domain.billing.LedgerAccountType;
import org.hearth.protocol.money.Money;

/**
 * The steps of paying operators, each in a transaction of its own that holds the {@code payouts}
 * row of {@code chain_cursor} locked, so two servers never pay at once. A payout's nonce, hash and
 * signed transaction are committed (SUBMITTED) before it is broadcast, so after a crash it is
 * reconciled by them: never sent twice, never forgotten.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PayoutCycle {

  private static final System.Logger LOG = System.getLogger(PayoutCycle.class.getName());

  static final String LOCK = "payouts";

  @Inject SettlementChain chain;
  @Inject ChainStore store;
  @Inject Ledger ledger;
  @Inject SettlementSettings settings;
  @Inject Clock clock;

  /** Creates PENDING payouts (earned → paying) for operators earning at least the minimum. */
  public int createPending() {
    Instant now = clock.instant();
    store.lockCursor(LOCK, 0, now);
    int created = 0;
    for (Map.Entry<String, Long> e :
        store.earnedAtLeast(settings.minPayout(), settings.maxTransfers()).entrySet()) {
      String account = e.getKey();
      Optional<String> address = store.payoutAddress(account);
      if (address.isEmpty()) {
        continue; // no wallet to pay to yet
      }
      String id = UUID.randomUUID().toString();
      store.insertPayout(
          new Payout(
              id,
              account,
              e.getValue(),
              address.get(),
              Payout.State.PENDING,
              null,
              null,
              null,
              now));
      ledger.post(
          Movement.transfer(
              "payout:" + id + ":pending",
              MovementType.PAYOUT_PENDING,
              id,
              LedgerAccountRef.operatorEarned(account),
              new LedgerAccountRef(LedgerAccountType.OPERATOR_PAYING, account),
              Money.of(e.getValue())));
      created++;
    }
    return created;
  }

  /**
   * Signs the oldest PENDING payout with the next nonce and records it SUBMITTED; the caller
   * broadcasts it after this transaction commits.
   */
  public Optional<SignedTransfer> submitNext() {
    Instant now = clock.instant();
    store.lockCursor(LOCK, 0, now);
    Optional<Payout> pending = store.lockNextPending();
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Payout p = pending.get();
    long nonce = Math.max(store.maxNonce() + 1, chain.minedNonce());
    SignedTransfer signed = chain.sign(p.address(), Money.of(p.amount()), nonce);
    store.markSubmitted(p.id(), nonce, signed.transactionHash(), signed.rawTransaction(), now);
    LOG.log(
        System.Logger.Level.INFO,
        "payout {0} of {1} to {2}: nonce {3}, transaction {4}",
        p.id(),
        p.amount(),
        p.address(),
        nonce,
        signed.transactionHash());
    return Optional.of(signed);
  }

  /**
   * Settles SUBMITTED payouts against the chain: a receipt with enough confirmations confirms (or,
   * reverted, fails) one; without a receipt, one whose nonce another transaction took that many
   * blocks deep fails, and the others whose nonce is still free are returned to be broadcast again.
   * Failing waits for the confirmations as confirming does: a failed payout's money is paid again,
   * so a reorg (or an RPC node behind the others) that brings the transaction back must not find it
   * failed.
   */
  public List<SignedTransfer> reconcile() {
    Instant now = clock.instant();
    store.lockCursor(LOCK, 0, now);
    List<Payout> submitted = store.lockSubmitted(settings.maxTransfers() * 4);
    List<SignedTransfer> resend = new ArrayList<>();
    if (submitted.isEmpty()) {
      return resend;
    }
    long latest = chain.latestBlock();
    long minedNonce = chain.minedNonce();
    long settledNonce = chain.minedNonce(Math.max(0, latest - chain.confirmations()));
    for (Payout p : submitted) {
      Optional<TransferReceipt> receipt = chain.receipt(p.txHash());
      if (receipt.isPresent()) {
        if (latest - receipt.get().blockNumber() < chain.confirmations()) {
          continue; // not deep enough yet to say either way
        }
        if (!receipt.get().succeeded()) {
          fail(p, now, "reverted");
        } else {
          store.markState(p.id(), Payout.State.CONFIRMED, now);
          ledger.post(
              Movement.transfer(
                  "payout:" + p.id() + ":confirmed",
                  MovementType.PAYOUT_CONFIRMED,
                  p.txHash(),
                  new LedgerAccountRef(LedgerAccountType.OPERATOR_PAYING, p.accountId()),
                  new LedgerAccountRef(LedgerAccountType.OPERATOR_PAID, p.accountId()),
                  Money.of(p.amount())));
          LOG.log(System.Logger.Level.INFO, "payout {0} confirmed: {1}", p.id(), p.txHash());
        }
      } else if (p.nonce() < settledNonce) {
        // Look again: it may have been mined between the calls.
        if (chain.receipt(p.txHash()).isEmpty()) {
          fail(p, now, "nonce " + p.nonce() + " was taken by another transaction");
        }
      } else if (p.nonce() >= minedNonce) {
        resend.add(
            new SignedTransfer(
                p.txHash(), p.nonce(), p.address(), Money.of(p.amount()), p.rawTx()));
      }
    }
    return resend;
  }

  private void fail(Payout p, Instant now, String why) {
    store.markState(p.id(), Payout.State.FAILED, now);
    ledger.post(
        Movement.transfer(
            "payout:" + p.id() + ":failed",
            MovementType.PAYOUT_FAILED,
            p.id(),
            new LedgerAccountRef(LedgerAccountType.OPERATOR_PAYING, p.accountId()),
            LedgerAccountRef.operatorEarned(p.accountId()),
            Money.of(p.amount())));
    LOG.log(System.Logger.Level.WARNING, "payout {0} failed ({1}); earnings returned", p.id(), why);
  }
}
