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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every node as the marketplace lists it, in memory, read again every {@code
 * hearth.market.refresh}: a search over ten thousand nodes then costs no query. Listings may lag
 * the database by that long; placement never relies on them.
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

  private volatile List<MarketNode> nodes;
  private volatile Map<String, MarketNode> byId = Map.of();

  @PostConstruct
  void schedule() {
    long every = refresh.toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("market-view", false));
  }

  /** The nodes as last read (read now if never yet). */
  public List<MarketNode> current() {
    List<MarketNode> now = nodes;
    return now != null ? now : read();
  }

  /** The node as last read, if it was listed then. */
  public Optional<MarketNode> get(String nodeId) {
    current();
    return Optional.ofNullable(byId.get(nodeId));
  }

  @Timeout
  void refresh() {
    try {
      read();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Marketplace view not refreshed: {0}", e.toString());
    }
  }

  private List<MarketNode> read() {
    List<MarketNode> read = reader.all(clock.instant());
    Map<String, MarketNode> index = new HashMap<>();
    read.forEach(n -> index.put(n.id(), n));
    byId = index;
    nodes = read;
    return read;
  }
}
