package org.hearth.application.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The scheduler's settings ({@code hearth.scheduling.*}); durations are ISO-8601. */
@ApplicationScoped
public class SchedulingSettings {

  @Inject
  @ConfigProperty(name = "hearth.scheduling.view-refresh", defaultValue = "PT10S")
  Duration viewRefresh;

  /**
   * How old the scheduler's in-memory view of online nodes may grow before it is read again from
   * the database. It catches what other servers of a cluster changed and capacity freed elsewhere;
   * this server's own placements and releases update the view at once.
   */
  public Duration viewRefresh() {
    return viewRefresh;
  }
}
