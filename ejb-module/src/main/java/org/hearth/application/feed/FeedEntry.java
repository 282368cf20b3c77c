package org.hearth.application.feed;

/**
 * An entry's place in a feed, and what it says if another server wrote it (null if this one did:
 * whoever it concerns here heard of it at once).
 */
public record FeedEntry<T>(long seq, T fromElsewhere) {}
