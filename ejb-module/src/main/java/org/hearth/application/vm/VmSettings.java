package org.hearth.application.vm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** VM lifecycle settings ({@code hearth.vm.*}). */
@ApplicationScoped
public class VmSettings {

  @Inject
  @ConfigProperty(name = "hearth.vm.lost-after", defaultValue = "PT5M")
  Duration lostAfter;

  @Inject
  @ConfigProperty(name = "hearth.vm.check-interval", defaultValue = "PT5S")
  Duration checkInterval;

  @Inject
  @ConfigProperty(name = "hearth.vm.placement-workers", defaultValue = "4")
  int placementWorkers;

  @Inject
  @ConfigProperty(name = "hearth.vm.events.feed-interval", defaultValue = "PT0.5S")
  Duration eventsFeedInterval;

  @Inject
  @ConfigProperty(name = "hearth.vm.events.keep-alive", defaultValue = "PT30S")
  Duration eventsKeepAlive;

  /** A live VM whose node has been silent this long is {@code LOST}. */
  public Duration lostAfter() {
    return lostAfter;
  }

  /** How many requests waiting for capacity are placed at once when capacity appears. */
  public int placementWorkers() {
    return placementWorkers;
  }

  /** How often expired durations and lost VMs are looked for. */
  public Duration checkInterval() {
    return checkInterval;
  }

  /** How often the VM changes other servers committed are read for this one's streams. */
  public Duration eventsFeedInterval() {
    return eventsFeedInterval;
  }

  /** How often an open VM event stream gets a keep-alive comment. */
  public Duration eventsKeepAlive() {
    return eventsKeepAlive;
  }
}
