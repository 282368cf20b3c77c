package org.hearth.application.node;

/**
 * The outcome of a registration.
 *
 * @param created true when the node is new, false when an existing node was updated
 */
public record Registration(NodeView node, boolean created) {}
