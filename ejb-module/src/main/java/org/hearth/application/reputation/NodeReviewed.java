package org.hearth.application.reputation;

import org.hearth.domain.reputation.NodeReview;

/** A tenant reviewed a node. */
public record NodeReviewed(NodeReview review) {}
