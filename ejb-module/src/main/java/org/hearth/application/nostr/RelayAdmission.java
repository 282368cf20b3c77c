package org.hearth.application.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The relay's checks of an event that need no database: its id and signature, its kind, its times,
 * its author's authentication (NIP-42) and write budget. Run on the publishing connection's own
 * thread, so signatures are verified in parallel before events are stored together ({@link
 * Relay#storeAdmitted}).
 */
@ApplicationScoped
public class RelayAdmission {

  @Inject RelaySettings settings;
  @Inject Clock clock;

  /**
   * @param authenticated the keys the publishing connection has authenticated (NIP-42)
   * @param budget the author's write budget, spent only by otherwise valid events
   * @return the refusal ({@code OK false}), or empty when the event may be stored
   */
  public Optional<Relay.Verdict> refusal(
      NostrEvent event, Set<String> authenticated, Relay.AuthorBudget budget) {
    if (!event.computeId().equals(event.id())) {
      return refused("invalid: the event id does not match its content");
    }
    if (!EventVerifier.verify(event)) {
      return refused("invalid: the signature does not verify");
    }
    if (event.kind() == EventKinds.CLIENT_AUTH) {
      return refused(
          "invalid: kind " + EventKinds.CLIENT_AUTH + " events are sent with AUTH, not published");
    }
    long now = clock.instant().getEpochSecond();
    if (event.createdAt() > now + settings.createdAtFuture().toSeconds()) {
      return refused("invalid: created_at is too far in the future");
    }
    Long expiresAt = expiration(event);
    if (expiresAt != null && expiresAt <= now) {
      return refused("invalid: the event has expired");
    }
    Optional<String> refusal = authorRefusal(event, authenticated);
    if (refusal.isEmpty()) {
      refusal = budget.take(event.pubkey());
    }
    return refusal.map(Relay.Verdict::refused);
  }

  /** NIP-42: why this connection may not publish the event, if the event's kind needs auth. */
  private Optional<String> authorRefusal(NostrEvent event, Set<String> authenticated) {
    if (!settings.authRequiredFor(event.kind()) || authenticated.contains(event.pubkey())) {
      return Optional.empty();
    }
    if (authenticated.isEmpty()) {
      return Optional.of(
          "auth-required: kind " + event.kind() + " is taken only from authenticated authors");
    }
    return Optional.of("restricted: the author of the event has not authenticated");
  }

  private static Optional<Relay.Verdict> refused(String message) {
    return Optional.of(Relay.Verdict.refused(message));
  }

  /** NIP-40: the unix second the event expires at, or null. */
  static Long expiration(NostrEvent event) {
    return event
        .tagValue("expiration")
        .map(
            v -> {
              try {
                return Long.parseLong(v);
              } catch (NumberFormatException e) {
                return null;
              }
            })
        .orElse(null);
  }
}
