package org.hearth.agent.host;

/** How busy the host is right now, for heartbeats. */
public record HostLoad(double cpuPercent, long memoryUsedMiB, long diskUsedGiB) {}
