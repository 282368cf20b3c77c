package org.hearth.application.market;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every node as the marketplace lists it, in memory, brought up to date every {@code
 * hearth.market.refresh} (rows that changed are read again, see {@link MarketListing}): a search
 * over ten thousand nodes then costs no query. Listings may lag the database by that long;
 * placement never relies on them.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MarketView {

  private static final System.Logger LOG = System.getLogger(MarketView.class.getName());

  @Resource TimerService timers;
  @EJB MarketReader reader;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "hearth.market.refresh", defaultValue = "PT5S")
  Duration refresh;

  private volatile MarketListing listing;

  @PostConstruct
  void schedule() {
    long every = refresh.toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("market-view", false));
  }

  /** The nodes as last read (read now if never yet). */
  public List<MarketNode> current() {
    return listing().entries();
  }

  /** The nodes as last read, laid out for searching. */
  public MarketIndex index() {
    return listing().index();
  }

  /** The node as last read, if it was listed then. */
  public Optional<MarketNode> get(String nodeId) {
    return Optional.ofNullable(listing().get(nodeId));
  }

  private MarketListing listing() {
    MarketListing now = listing;
    return now != null ? now : read();
  }

  @Timeout
  void refresh() {
    try {
      read();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Marketplace view not refreshed: {0}", e.toString());
    }
  }

  /** Refreshes run one at a time (timer), but a first search may race the first refresh. */
  private synchronized MarketListing read() {
    MarketListing previous = listing;
    MarketListing read =
        reader.next(clock.instant(), previous != null ? previous : MarketListing.EMPTY);
    listing = read;
    return read;
  }
}
