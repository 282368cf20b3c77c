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

  /** A live VM whose node has been silent this long is {@code LOST}. */
  public Duration lostAfter() {
    return lostAfter;
  }

  /** How often expired durations and lost VMs are looked for. */
  public Duration checkInterval() {
    return checkInterval;
  }
}
