package org.hearth.application.reputation;

/** A tenant reviewed a node. */
public record NodeReviewed(String nodeId, String vmId) {}
