package org.hearth.application.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final InMemoryFeed<String> feed = new InMemoryFeed<>();

  private List<String> read(FeedReader<String> reader, Instant now) {
    List<String> handedOn = new ArrayList<>();
    reader.read(now, GRACE, handedOn::add);
    return handedOn;
  }

  @Test
  void startsAtTheEndAndHandsOnOnlyWhatOtherServersWrote() {
    feed.fromElsewhere(1, "before");
    FeedReader<String> reader = new FeedReader<>(feed);
    feed.fromElsewhere(2, "a");
    feed.fromHere(3);
    feed.fromElsewhere(4, "b");

    assertEquals(List.of("a", "b"), read(reader, T0));
    assertEquals(List.of(), read(reader, T0.plusSeconds(1)));
  }

  @Test
  void aNumberCommittedLateIsHandedOnWithinTheGraceTimeOnly() {
    FeedReader<String> reader = new FeedReader<>(feed);
    feed.fromElsewhere(2, "first");
    feed.fromElsewhere(4, "second");
    assertEquals(List.of("first", "second"), read(reader, T0));

    feed.fromElsewhere(1, "late");
    assertEquals(List.of("late"), read(reader, T0.plusSeconds(1)));

    feed.fromElsewhere(3, "too late");
    assertEquals(List.of(), read(reader, T0.plus(GRACE).plusSeconds(1)));
  }

  @Test
  void aFullBatchIsFollowedByAnotherAtOnce() {
    FeedReader<String> reader = new FeedReader<>(feed);
    for (long seq = 1; seq <= FeedReader.BATCH + 1; seq++) {
      feed.fromElsewhere(seq, "e" + seq);
    }
    assertEquals(FeedReader.BATCH + 1, read(reader, T0).size());
  }
}
