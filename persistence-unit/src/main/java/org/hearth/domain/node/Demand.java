package org.hearth.domain.node;

/**
 * The capacity one VM takes from its node: core shares (twelfths of a core, after the tier's
 * overcommit; see {@code Tier.SHARES_PER_CORE}), memory, disk and whole GPUs.
 */
public record Demand(long coreShares, long memoryMib, long diskGib, int gpus) {}
