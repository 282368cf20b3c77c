package org.hearth.domain.node;

/**
 * A page of the node list, optionally narrowed to one status and region.
 *
 * @param page zero-based page number
 */
public record NodeQuery(NodeStatus status, String region, int page, int size) {}
