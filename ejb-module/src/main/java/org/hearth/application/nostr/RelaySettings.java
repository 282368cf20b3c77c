package org.hearth.application.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded relay's settings ({@code hearth.relay.*}), also published in its NIP-11 document.
 */
@ApplicationScoped
public class RelaySettings {

  @Inject
  @ConfigProperty(name = "hearth.relay.name", defaultValue = "Hearth")
  String name;

  @Inject
  @ConfigProperty(
      name = "hearth.relay.description",
      defaultValue = "The relay of a Hearth compute marketplace")
  String description;

  @Inject
  @ConfigProperty(name = "hearth.relay.contact")
  Optional<String> contact;

  @Inject
  @ConfigProperty(name = "hearth.relay.max-message-bytes", defaultValue = "131072")
  int maxMessageBytes;

  @Inject
  @ConfigProperty(name = "hearth.relay.max-subscriptions", defaultValue = "20")
  int maxSubscriptions;

  @Inject
  @ConfigProperty(name = "hearth.relay.max-filters", defaultValue = "10")
  int maxFilters;

  @Inject
  @ConfigProperty(name = "hearth.relay.max-limit", defaultValue = "500")
  int maxLimit;

  @Inject
  @ConfigProperty(name = "hearth.relay.max-subid-length", defaultValue = "64")
  int maxSubidLength;

  @Inject
  @ConfigProperty(name = "hearth.relay.created-at-future", defaultValue = "PT15M")
  Duration createdAtFuture;

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Optional<String> contact() {
    return contact.filter(c -> !c.isBlank());
  }

  /** Largest message a client may send, in bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Open subscriptions per connection. */
  public int maxSubscriptions() {
    return maxSubscriptions;
  }

  /** Filters per REQ. */
  public int maxFilters() {
    return maxFilters;
  }

  /** Most stored events sent per filter (also the limit of a filter without one). */
  public int maxLimit() {
    return maxLimit;
  }

  public int maxSubidLength() {
    return maxSubidLength;
  }

  /** How far in the future an event's {@code created_at} may be. */
  public Duration createdAtFuture() {
    return createdAtFuture;
  }
}
