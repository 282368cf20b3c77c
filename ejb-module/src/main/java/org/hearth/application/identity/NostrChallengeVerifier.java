package org.hearth.application.identity;

import java.time.Duration;
import java.time.Instant;
import org.hearth.application.nostr.EventKinds;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.InvalidEventException;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Checks a NIP-42 style sign-in event: kind 22242, a {@code challenge} tag, a {@code relay} tag
 * naming this server, a recent {@code created_at}, a valid BIP-340 signature. The challenge is the
 * caller's to use up, after everything here has passed.
 */
public final class NostrChallengeVerifier {

  /** NIP-42's client authentication kind. */
  public static final int KIND = EventKinds.CLIENT_AUTH;

  private final String publicUrl;
  private final Duration window;

  /**
   * @param window how far the event's {@code created_at} may be from now
   */
  public NostrChallengeVerifier(String publicUrl, Duration window) {
    this.publicUrl = withoutTrailingSlash(publicUrl);
    this.window = window;
  }

  /**
   * @return the verified event (its pubkey signed in, its challenge tag is the nonce to use up)
   * @throws SignInException naming the failed check
   */
  public NostrEvent verify(String eventJson, Instant now) {
    NostrEvent event;
    try {
      event = NostrEvent.fromJson(eventJson);
    } catch (InvalidEventException e) {
      throw new SignInException("the event is malformed: " + e.getMessage());
    }
    if (event.kind() != KIND) {
      throw new SignInException("the event must be of kind " + KIND + ", not " + event.kind());
    }
    Instant createdAt = Instant.ofEpochSecond(event.createdAt());
    if (createdAt.isBefore(now.minus(window)) || createdAt.isAfter(now.plus(window))) {
      throw new SignInException("the event's created_at is more than " + window + " from now");
    }
    String relay = singleTag(event, "relay");
    if (relay == null || !withoutTrailingSlash(relay).equals(publicUrl)) {
      throw new SignInException("the event's relay tag must be " + publicUrl);
    }
    if (singleTag(event, "challenge") == null) {
      throw new SignInException("the event needs exactly one challenge tag");
    }
    if (!EventVerifier.verify(event)) {
      throw new SignInException("the event's id or signature is invalid");
    }
    return event;
  }

  /** The value of the event's only tag with this name, or null if it has none or several. */
  public static String singleTag(NostrEvent event, String name) {
    return event.singleTag(name).orElse(null);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
