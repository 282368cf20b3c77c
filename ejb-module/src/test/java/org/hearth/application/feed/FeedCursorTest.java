package org.hearth.application.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

  @Test
  void numbersSkippedOverAreGapsUntilTheyAreRead() {
    FeedCursor cursor = new FeedCursor(10);
    cursor.read(List.of(14L, 11L), T0);
    assertEquals(14, cursor.last());
    assertEquals(List.of(12L, 13L), cursor.gaps());

    cursor.read(List.of(13L), T0.plusSeconds(1));
    assertEquals(List.of(12L), cursor.gaps());
    assertEquals(14, cursor.last(), "a late number does not move the cursor back");
  }

  @Test
  void gapsAreGivenUpAfterTheGraceTime() {
    FeedCursor cursor = new FeedCursor(0);
    cursor.read(List.of(2L), T0);
    cursor.read(List.of(5L), T0.plusSeconds(5));
    cursor.expire(T0.plusSeconds(11), Duration.ofSeconds(10));
    assertEquals(List.of(3L, 4L), cursor.gaps(), "1 was noticed 11 s ago, 3 and 4 only 6 s ago");
  }

  @Test
  void aWideJumpKeepsOnlyItsTopEnd() {
    FeedCursor cursor = new FeedCursor(0);
    cursor.read(List.of(5_000L), T0);
    List<Long> gaps = cursor.gaps();
    assertEquals(FeedCursor.MAX_GAPS, gaps.size());
    assertEquals(LongStream.range(4_000, 5_000).boxed().toList(), gaps);
  }

  @Test
  void nothingReadChangesNothing() {
    FeedCursor cursor = new FeedCursor(7);
    cursor.read(List.of(), T0);
    assertEquals(7, cursor.last());
    assertEquals(List.of(), cursor.gaps());
  }
}
