package org.hearth.application.nostr;

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
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.application.feed.FeedReader;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Makes a cluster of servers on one database one relay: every {@code hearth.relay.feed.interval}
 * each server reads the events stored since its last look and announces those the other servers
 * stored ({@link EventStoredElsewhere}), so its own subscribers get them live too. It starts at the
 * end of the feed: what was stored before is for queries, not live delivery. Ephemeral events are
 * never stored, so they reach the subscribers of the server they were sent to only.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayFeed {

  private static final System.Logger LOG = System.getLogger(RelayFeed.class.getName());

  @Resource TimerService timers;
  @Inject RelayStore store;
  @Inject RelaySettings settings;
  @Inject Event<EventStoredElsewhere> storedElsewhere;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();
  private FeedReader<String> reader;

  @PostConstruct
  void start() {
    reader = new FeedReader<>(store);
    long every = settings.feedInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("relay-feed", false));
  }

  @Timeout
  void read() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      reader.read(
          clock.instant(),
          settings.feedGapGrace(),
          json -> storedElsewhere.fire(new EventStoredElsewhere(NostrEvent.fromJson(json), json)));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Relay feed not read: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
