package org.hearth.agent.host;

/** One GPU of the host. */
public record Gpu(String model, long memoryMiB) {}
