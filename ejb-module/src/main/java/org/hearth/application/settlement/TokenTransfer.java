package org.hearth.application.settlement;

import org.hearth.protocol.money.Money;

/** One ERC-20 {@code Transfer} log of the settlement token; addresses lower case. */
public record TokenTransfer(
    String transactionHash, int logIndex, long blockNumber, String from, String to, Money amount) {}
