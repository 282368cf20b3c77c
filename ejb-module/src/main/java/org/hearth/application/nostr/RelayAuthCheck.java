package org.hearth.application.nostr;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Checks a NIP-42 {@code AUTH} event: kind 22242, a valid id and signature, a {@code created_at}
 * near now, the connection's own challenge in its {@code challenge} tag, and this relay in its
 * {@code relay} tag, compared by host and path (scheme and port aside, as NIP-42 allows: the port a
 * WebSocket arrived on is not known, and a TLS proxy changes the scheme).
 */
public final class RelayAuthCheck {

  private final Duration window;

  /**
   * @param window how far the event's {@code created_at} may be from now, either way
   */
  public RelayAuthCheck(Duration window) {
    this.window = window;
  }

  /**
   * @param challenge the challenge this connection was sent
   * @param relayUrl this relay's public URL
   * @return accepted (the event's key is authenticated), or refused with an {@code invalid:} reason
   */
  public Relay.Verdict check(NostrEvent event, String challenge, String relayUrl, Instant now) {
    if (event.kind() != EventKinds.CLIENT_AUTH) {
      return Relay.Verdict.refused("invalid: an AUTH event is of kind " + EventKinds.CLIENT_AUTH);
    }
    if (!event.computeId().equals(event.id())) {
      return Relay.Verdict.refused("invalid: the event id does not match its content");
    }
    if (!EventVerifier.verify(event)) {
      return Relay.Verdict.refused("invalid: the signature does not verify");
    }
    long distance = Math.abs(event.createdAt() - now.getEpochSecond());
    if (distance > window.toSeconds()) {
      return Relay.Verdict.refused("invalid: created_at is more than " + window + " from now");
    }
    if (!event.singleTag("challenge").filter(challenge::equals).isPresent()) {
      return Relay.Verdict.refused("invalid: the challenge tag is not this connection's challenge");
    }
    if (!event.singleTag("relay").filter(tag -> sameRelay(tag, relayUrl)).isPresent()) {
      return Relay.Verdict.refused("invalid: the relay tag must name " + relayUrl);
    }
    return Relay.Verdict.ok("");
  }

  /** Whether two URLs name the same relay: the same host and path (a trailing slash aside). */
  static boolean sameRelay(String url, String relayUrl) {
    Optional<URI> a = parse(url);
    Optional<URI> b = parse(relayUrl);
    return a.isPresent()
        && b.isPresent()
        && a.get().getHost().equalsIgnoreCase(b.get().getHost())
        && path(a.get()).equals(path(b.get()));
  }

  private static Optional<URI> parse(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String path(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
        .toLowerCase(Locale.ROOT);
  }
}
