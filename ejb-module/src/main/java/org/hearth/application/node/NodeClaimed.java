package org.hearth.application.node;

/** An account claimed a node as its operator (fired in the claiming transaction). */
public record NodeClaimed(String nodeId, String accountId) {}
