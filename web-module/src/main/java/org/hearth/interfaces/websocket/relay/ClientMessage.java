package org.hearth.interfaces.websocket.relay;

import java.util.List;
import org.hearth.application.nostr.RelayFilter;
import org.hearth.protocol.nostr.NostrEvent;

/** What a Nostr client sends a relay (NIP-01, 42). */
sealed interface ClientMessage {

  /** {@code ["EVENT", event]} */
  record Publish(NostrEvent event) implements ClientMessage {}

  /** {@code ["REQ", subscription id, filter, ...]} */
  record Subscribe(String subscriptionId, List<RelayFilter> filters) implements ClientMessage {}

  /** {@code ["AUTH", signed kind 22242 event]} (NIP-42) */
  record Authenticate(NostrEvent event) implements ClientMessage {}

  /** {@code ["CLOSE", subscription id]} */
  record Close(String subscriptionId) implements ClientMessage {}
}
