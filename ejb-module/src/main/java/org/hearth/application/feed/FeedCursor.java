package org.hearth.application.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How far one server has read a feed (see {@link FeedReader}). The database numbers an entry when
 * its transaction inserts it, and others see it when that transaction commits, so a higher number
 * can be read before a lower one. The numbers skipped over are kept as gaps and read again until
 * they show up or a grace time has passed: a rolled-back insert, or an entry deleted before it was
 * read (a replaced relay event, a deleted VM), never shows up. Not thread-safe: one reader at a
 * time.
 */
final class FeedCursor {

  /** Most gaps kept. A wider jump (a sequence cache skipped at a restart) keeps its top end. */
  static final int MAX_GAPS = 1000;

  private long last;
  private final NavigableMap<Long, Instant> gaps = new TreeMap<>();

  FeedCursor(long start) {
    last = start;
  }

  /** The highest number read. */
  long last() {
    return last;
  }

  /** The numbers skipped over and not read yet, lowest first. */
  List<Long> gaps() {
    return List.copyOf(gaps.keySet());
  }

  /** Records numbers read (in any order); those skipped over become gaps, noticed {@code now}. */
  void read(Collection<Long> seqs, Instant now) {
    for (long seq : seqs.stream().sorted().toList()) {
      if (seq > last) {
        for (long skipped = Math.max(last + 1, seq - MAX_GAPS); skipped < seq; skipped++) {
          gaps.put(skipped, now);
        }
        last = seq;
      } else {
        gaps.remove(seq);
      }
    }
    while (gaps.size() > MAX_GAPS) {
      gaps.pollFirstEntry();
    }
  }

  /** Gives up the gaps noticed more than {@code grace} before {@code now}. */
  void expire(Instant now, Duration grace) {
    Instant noticedBefore = now.minus(grace);
    gaps.values().removeIf(noticed -> noticed.isBefore(noticedBefore));
  }
}
