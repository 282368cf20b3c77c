package org.hearth.application.nostr;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.protocol.nostr.NostrEvent;

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

  @Inject
  @ConfigProperty(name = "hearth.relay.auth.required-for-writes", defaultValue = "false")
  boolean authRequiredForWrites;

  /** Comma-separated kinds whose events are taken only from authenticated authors. */
  @Inject
  @ConfigProperty(name = "hearth.relay.auth.required-kinds")
  Optional<String> authRequiredKinds;

  @Inject
  @ConfigProperty(name = "hearth.relay.auth.window", defaultValue = "PT10M")
  Duration authWindow;

  /** How often each server reads the events the other servers stored (see {@link RelayFeed}). */
  @Inject
  @ConfigProperty(name = "hearth.relay.feed.interval", defaultValue = "PT0.5S")
  Duration feedInterval;

  /** How long a number skipped in the feed is asked for again before it is given up. */
  @Inject
  @ConfigProperty(name = "hearth.relay.feed.gap-grace", defaultValue = "PT10S")
  Duration feedGapGrace;

  private Set<Integer> kindsNeedingAuth;

  @PostConstruct
  void start() {
    kindsNeedingAuth = parseKinds(authRequiredKinds.orElse(""));
  }

  /**
   * @throws IllegalArgumentException naming the value that is not a kind
   */
  static Set<Integer> parseKinds(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(k -> !k.isEmpty())
        .map(RelaySettings::kind)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Integer kind(String value) {
    try {
      int kind = Integer.parseInt(value);
      if (kind >= 0 && kind <= NostrEvent.MAX_KIND) {
        return kind;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(
        "hearth.relay.auth.required-kinds: "
            + value
            + " is not a kind (0 to "
            + NostrEvent.MAX_KIND
            + ")");
  }

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

  public Duration feedInterval() {
    return feedInterval;
  }

  public Duration feedGapGrace() {
    return feedGapGrace;
  }

  /** How far in the future an event's {@code created_at} may be. */
  public Duration createdAtFuture() {
    return createdAtFuture;
  }

  /** Whether an event of this kind is taken only from an author its connection authenticated. */
  public boolean authRequiredFor(int kind) {
    return authRequiredForWrites || kindsNeedingAuth.contains(kind);
  }

  /** Whether any write needs NIP-42 authentication (NIP-11's {@code restricted_writes}). */
  public boolean writesRestricted() {
    return authRequiredForWrites || !kindsNeedingAuth.isEmpty();
  }

  /** How far a NIP-42 AUTH event's {@code created_at} may be from now. */
  public Duration authWindow() {
    return authWindow;
  }
}
