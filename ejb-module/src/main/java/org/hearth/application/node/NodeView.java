package org.hearth.application.node;

import org.hearth.domain.node.Node;

/** A node as the registry shows it: the node and its current uptime over the window. */
public record NodeView(Node node, double uptimePercent) {}
