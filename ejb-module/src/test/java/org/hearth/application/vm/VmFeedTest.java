package org.hearth.application.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.application.FiredEvents;
import org.hearth.application.feed.InMemoryFeed;
import org.hearth.domain.vm.VmChanged;
import org.hearth.domain.vm.VmState;
import org.junit.jupiter.api.Test;

class VmFeedTest {

  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

  private final Entries entries = new Entries();
  private final List<VmChanged> announced = new ArrayList<>();
  private final AtomicBoolean streamsOpen = new AtomicBoolean();
  private final VmFeed feed = new VmFeed();

  VmFeedTest() {
    feed.clock = Clock.fixed(T0, ZoneOffset.UTC);
    feed.changedElsewhere = new FiredEvents<>(fired -> announced.add(fired.change()));
    feed.store = entries;
  }

  private static VmChanged change(String vmId) {
    return new VmChanged(vmId, "owner", VmState.RUNNING, null, "node", T0);
  }

  @Test
  void queriesNothingWhileNoStreamIsOpen() {
    entries.fromElsewhere(1, change("vm-1"));
    feed.read();
    feed.follow(streamsOpen::get);
    feed.read();
    assertEquals(List.of(), announced);
    assertEquals(1, entries.queries(), "only where the feed ends, when a stream opened");
  }

  @Test
  void announcesWhatOtherServersCommittedWhileAStreamIsOpenFromWhenItOpened() {
    entries.fromElsewhere(1, change("before"));
    streamsOpen.set(true);
    feed.follow(streamsOpen::get);
    entries.fromElsewhere(2, change("while-open"));
    entries.fromHere(3);
    feed.read();
    assertEquals(List.of(change("while-open")), announced);

    streamsOpen.set(false);
    feed.read();
    entries.fromElsewhere(4, change("while-closed"));
    feed.read();
    streamsOpen.set(true);
    feed.follow(streamsOpen::get);
    entries.fromElsewhere(5, change("reopened"));
    feed.read();
    assertEquals(List.of(change("while-open"), change("reopened")), announced);
  }

  private static final class Entries extends InMemoryFeed<VmChanged> implements VmFeedStore {}
}
