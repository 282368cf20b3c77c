package org.hearth.application.vm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.hearth.application.feed.FeedReader;
import org.hearth.domain.vm.VmChanged;

/**
 * Lets a VM event stream on one server of a cluster hear of the changes committed by the others:
 * every {@code hearth.vm.events.feed-interval}, while a stream is open here, it reads the VM
 * transitions written since its last look and announces those the other servers wrote ({@link
 * VmChangedElsewhere}). While no stream is open it reads nothing; the first to open starts it at
 * the end of the feed.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VmFeed {

  private static final System.Logger LOG = System.getLogger(VmFeed.class.getName());

  /** How long a number skipped in the feed is asked for again before it is given up. */
  static final Duration GAP_GRACE = Duration.ofSeconds(10);

  @Resource TimerService timers;
  @Inject VmFeedStore store;
  @Inject VmSettings settings;
  @Inject Event<VmChangedElsewhere> changedElsewhere;
  @Inject Clock clock;

  private BooleanSupplier followed = () -> false;
  private FeedReader<VmChanged> reader;

  @PostConstruct
  void start() {
    long every = settings.eventsFeedInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("vm-feed", false));
  }

  /**
   * Reads the feed from now on, for as long as {@code streamsOpen} says a stream is open here (a
   * stream opening calls it each time).
   */
  public synchronized void follow(BooleanSupplier streamsOpen) {
    followed = streamsOpen;
    if (reader == null) {
      reader = new FeedReader<>(store);
    }
  }

  @Timeout
  synchronized void read() {
    if (!followed.getAsBoolean()) {
      reader = null;
      return;
    }
    if (reader == null) {
      return; // a stream is opening: it calls follow()
    }
    try {
      reader.read(
          clock.instant(),
          GAP_GRACE,
          change -> changedElsewhere.fire(new VmChangedElsewhere(change)));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "VM feed not read: {0}", e.toString());
    }
  }
}
