package org.hearth.application.reputation;

/** A node's current attestation changed (a newer one, or one deleted by its author). */
public record NodeAttested(String nodeId) {}
