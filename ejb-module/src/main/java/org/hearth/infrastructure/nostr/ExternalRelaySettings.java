package org.hearth.infrastructure.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The external relays the market also talks on ({@code hearth.nostr.*}). */
@ApplicationScoped
public class ExternalRelaySettings {

  @Inject
  @ConfigProperty(name = "hearth.nostr.relays")
  Optional<String> relays;

  @Inject
  @ConfigProperty(name = "hearth.nostr.reconnect-max", defaultValue = "PT1M")
  Duration reconnectMax;

  @Inject
  @ConfigProperty(name = "hearth.nostr.lookback", defaultValue = "PT10M")
  Duration lookback;

  @Inject
  @ConfigProperty(name = "hearth.nostr.max-pending", defaultValue = "10000")
  int maxPending;

  /** WebSocket URLs ({@code wss://…}, comma-separated in the setting); none by default. */
  public List<String> relays() {
    return relays.stream()
        .flatMap(list -> Arrays.stream(list.split(",")))
        .map(String::strip)
        .filter(url -> !url.isEmpty())
        .toList();
  }

  /** The longest wait between two attempts to reach a relay. */
  public Duration reconnectMax() {
    return reconnectMax;
  }

  /** How far back each (re)connect reads, so requests posted while away are still answered. */
  public Duration lookback() {
    return lookback;
  }

  /** Events kept per relay until it acknowledges them; the oldest are dropped beyond. */
  public int maxPending() {
    return maxPending;
  }
}
