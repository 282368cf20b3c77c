package org.hearth.application.feed;

import java.util.Collection;
import java.util.List;

/**
 * A feed in the database the servers of a cluster share: what they write, numbered in the order it
 * was inserted, each entry with the server that wrote it.
 */
public interface FeedSource<T> {

  /** The highest number in the feed so far, 0 if none. */
  long lastFeedSeq();

  /** The feed's entries numbered above {@code seq}, in order, at most {@code limit}. */
  List<FeedEntry<T>> feedAfter(long seq, int limit);

  /** The feed's entries with these numbers, those that exist now. */
  List<FeedEntry<T>> feedAt(Collection<Long> seqs);
}
