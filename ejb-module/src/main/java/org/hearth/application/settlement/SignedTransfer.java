package org.hearth.application.settlement;

import org.hearth.protocol.money.Money;

/** A token transfer from the platform wallet, signed but perhaps not yet sent. */
public record SignedTransfer(
    String transactionHash, long nonce, String to, Money amount, String rawTransaction) {}
