package org.hearth.application.compute;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Once the server has started, publishes the recent reviews whose events the relay does not have
 * (the last server stopped between a review's commit and its event).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "MarketplaceKey"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReviewEventsOnStart {

  private static final System.Logger LOG = System.getLogger(ReviewEventsOnStart.class.getName());

  @Resource TimerService timers;
  @EJB ReviewEvents reviews;

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(0, new TimerConfig("review-events", false));
  }

  @Timeout
  void publishMissing() {
    try {
      int published = reviews.publishMissing();
      if (published > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "{0} reviews made before the last stop had no event on the relay: published them",
            published);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Reviews without events not looked for", e);
    }
  }
}
