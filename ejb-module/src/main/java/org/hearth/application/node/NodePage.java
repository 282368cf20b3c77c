package org.hearth.application.node;

import java.util.List;

/** One page of a node listing. */
public record NodePage(List<NodeView> items, int page, int size, long total) {}
