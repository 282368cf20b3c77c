package org.hearth.application.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node registry's settings ({@code hearth.node.*}); durations are ISO-8601. */
@ApplicationScoped
public class NodeSettings {

  @Inject
  @ConfigProperty(name = "hearth.node.heartbeat-interval", defaultValue = "PT15S")
  Duration heartbeatInterval;

  @Inject
  @ConfigProperty(name = "hearth.node.offline-after", defaultValue = "PT2M")
  Duration offlineAfter;

  @Inject
  @ConfigProperty(name = "hearth.node.health-check-interval", defaultValue = "PT30S")
  Duration healthCheckInterval;

  @Inject
  @ConfigProperty(name = "hearth.node.uptime-window", defaultValue = "P30D")
  Duration uptimeWindow;

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  public Duration offlineAfter() {
    return offlineAfter;
  }

  public Duration healthCheckInterval() {
    return healthCheckInterval;
  }

  public Duration uptimeWindow() {
    return uptimeWindow;
  }

  public UptimeCalculator uptimeCalculator() {
    return new UptimeCalculator(uptimeWindow, heartbeatInterval);
  }
}
