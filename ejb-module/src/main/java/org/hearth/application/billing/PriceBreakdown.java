package org.hearth.application.billing;

import org.hearth.protocol.money.Money;

/**
 * A VM's hourly price on a node, part by part, each already rounded up to the smallest unit (see
 * {@link PriceCalculator}); {@code total} is their exact sum.
 */
public record PriceBreakdown(Money compute, Money memory, Money disk, Money gpu, Money total) {}
