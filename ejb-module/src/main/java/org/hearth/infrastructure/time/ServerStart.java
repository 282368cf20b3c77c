package org.hearth.infrastructure.time;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When this server started, and the grace its monitors give agents to reconnect after that. While
 * this server was down nobody heard the agents' heartbeats; without the grace, every node would be
 * marked offline (and its VMs lost) before its agent could reconnect.
 */
@Singleton
@Startup
public class ServerStart {

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "hearth.node.startup-grace", defaultValue = "PT1M")
  Duration grace;

  private Instant startedAt;

  @PostConstruct
  void record() {
    startedAt = clock.instant();
  }

  public Instant startedAt() {
    return startedAt;
  }

  /**
   * Whether silence that began before this server started may be judged yet: only once the grace
   * has passed.
   */
  public boolean graceOver() {
    return graceOver(Duration.ZERO);
  }

  /** Whether the grace, and {@code then} after it, have passed. */
  public boolean graceOver(Duration then) {
    return clock.instant().isAfter(startedAt.plus(grace).plus(then));
  }
}
