package org.hearth.application.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A feed in memory for tests; counts the queries made of it. */
public class InMemoryFeed<T> implements FeedSource<T> {

  private final NavigableMap<Long, FeedEntry<T>> entries = new TreeMap<>();
  private int queries;

  /** Adds an entry another server wrote. */
  public void fromElsewhere(long seq, T value) {
    entries.put(seq, new FeedEntry<>(seq, value));
  }

  /** Adds an entry this server wrote. */
  public void fromHere(long seq) {
    entries.put(seq, new FeedEntry<>(seq, null));
  }

  public int queries() {
    return queries;
  }

  @Override
  public long lastFeedSeq() {
    queries++;
    return entries.isEmpty() ? 0 : entries.lastKey();
  }

  @Override
  public List<FeedEntry<T>> feedAfter(long seq, int limit) {
    queries++;
    return entries.tailMap(seq, false).values().stream().limit(limit).toList();
  }

  @Override
  public List<FeedEntry<T>> feedAt(Collection<Long> seqs) {
    queries++;
    List<FeedEntry<T>> found = new ArrayList<>();
    seqs.stream().map(entries::get).filter(e -> e != null).forEach(found::add);
    return found;
  }
}
