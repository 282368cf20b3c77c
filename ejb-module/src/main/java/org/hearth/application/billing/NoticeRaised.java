package org.hearth.application.billing;

import java.time.Instant;

/** A notice was raised for an account (fired in the transaction that raised it). */
public record NoticeRaised(String accountId, String kind, String message, Instant raisedAt) {}
