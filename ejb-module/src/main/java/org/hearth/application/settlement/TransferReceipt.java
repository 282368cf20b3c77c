package org.hearth.application.settlement;

/** A mined transaction: its block, and whether it succeeded (status 1) or reverted. */
public record TransferReceipt(String transactionHash, long blockNumber, boolean succeeded) {}
