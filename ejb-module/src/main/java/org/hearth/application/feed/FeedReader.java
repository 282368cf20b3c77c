package org.hearth.application.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a {@link FeedSource} from where it ended when the reader was made, handing on what the
 * other servers wrote. Not thread-safe: one reader at a time.
 */
public final class FeedReader<T> {

  /** Entries read per query; a full batch is followed by another at once. */
  static final int BATCH = 500;

  private final FeedSource<T> source;
  private final FeedCursor cursor;

  /** A reader at the current end of the feed: what was written before is not handed on. */
  public FeedReader(FeedSource<T> source) {
    this.source = source;
    this.cursor = new FeedCursor(source.lastFeedSeq());
  }

  /**
   * Hands on, in the order read, what the other servers wrote since the last read, and what showed
   * up in the numbers skipped over less than {@code gapGrace} ago.
   */
  public void read(Instant now, Duration gapGrace, Consumer<T> fromElsewhere) {
    cursor.expire(now, gapGrace);
    take(source.feedAt(cursor.gaps()), now, fromElsewhere);
    List<FeedEntry<T>> batch;
    do {
      batch = source.feedAfter(cursor.last(), BATCH);
      take(batch, now, fromElsewhere);
    } while (batch.size() == BATCH);
  }

  private void take(List<FeedEntry<T>> entries, Instant now, Consumer<T> fromElsewhere) {
    cursor.read(entries.stream().map(FeedEntry::seq).toList(), now);
    for (FeedEntry<T> entry : entries) {
      if (entry.fromElsewhere() != null) {
        fromElsewhere.accept(entry.fromElsewhere());
      }
    }
  }
}
