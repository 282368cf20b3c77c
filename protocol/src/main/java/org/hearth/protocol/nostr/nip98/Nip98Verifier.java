package org.hearth.protocol.nostr.nip98;

import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.BAD_SIGNATURE;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.EXPIRED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.MALFORMED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.METHOD_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.MISSING;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.PAYLOAD_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.REPLAYED;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.URL_MISMATCH;
import static org.hearth.protocol.nostr.nip98.Nip98Exception.Reason.WRONG_KIND;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.InvalidEventException;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.Sha256;

/**
 * Verifies NIP-98 {@code Authorization} headers.
 *
 * <p>Checks run cheapest first, the signature last of the stateless ones, and the replay guard only
 * once everything else has passed, so a refused request never uses up an event id. Beyond what
 * NIP-98 requires, the {@code payload} tag is mandatory for a non-empty body, and the {@code u},
 * {@code method} and {@code payload} tags may each appear only once.
 */
public final class Nip98Verifier {
  /** The {@code created_at} window NIP-98 suggests, on either side of now. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(60);

  private final ReplayGuard replayGuard;
  private final Duration tolerance;

  public Nip98Verifier(ReplayGuard replayGuard) {
    this(replayGuard, DEFAULT_TOLERANCE);
  }

  /**
   * @param tolerance how far {@code created_at} may be from now, in the past or the future
   */
  public Nip98Verifier(ReplayGuard replayGuard, Duration tolerance) {
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
    }
    this.replayGuard = replayGuard;
    this.tolerance = tolerance;
  }

  /**
   * Verifies one request's authorization and uses up its event id.
   *
   * @param authorization the {@code Authorization} header value, or null if there is none
   * @param url the absolute request URL, query included; the {@code u} tag must equal it exactly
   * @param method the request method; compared ignoring case, as nostr-tools does (its own examples
   *     sign {@code "post"})
   * @param body the request body; null or empty for none
   * @throws Nip98Exception if the request is not authorized, with the reason
   */
  public Nip98Auth verify(String authorization, String url, String method, byte[] body, Instant now)
      throws Nip98Exception {
    NostrEvent event = decode(authorization);
    if (event.kind() != Nip98.KIND) {
      throw new Nip98Exception(
          WRONG_KIND, "auth event must be of kind " + Nip98.KIND + ", not " + event.kind());
    }
    Instant createdAt = Instant.ofEpochSecond(event.createdAt());
    checkTime(createdAt, now);
    checkUrl(event, url);
    checkMethod(event, method);
    checkPayload(event, body == null ? new byte[0] : body);
    if (!EventVerifier.verify(event)) {
      throw new Nip98Exception(BAD_SIGNATURE, "auth event id or signature is invalid");
    }
    if (!replayGuard.firstUse(event.id(), createdAt.plus(tolerance))) {
      throw new Nip98Exception(REPLAYED, "auth event " + event.id() + " was already used");
    }
    return new Nip98Auth(event.pubkey(), event.id(), createdAt);
  }

  private static NostrEvent decode(String authorization) throws Nip98Exception {
    if (authorization == null || authorization.isBlank()) {
      throw new Nip98Exception(MISSING, "no Authorization header");
    }
    String[] schemeAndToken = authorization.strip().split(" +", 2);
    if (!schemeAndToken[0].equalsIgnoreCase(Nip98.SCHEME)) {
      throw new Nip98Exception(MISSING, "Authorization scheme is not " + Nip98.SCHEME);
    }
    if (schemeAndToken.length < 2) {
      throw new Nip98Exception(MALFORMED, "no token after the " + Nip98.SCHEME + " scheme");
    }
    byte[] json;
    try {
      json = Base64.getDecoder().decode(schemeAndToken[1]);
    } catch (IllegalArgumentException e) {
      throw new Nip98Exception(MALFORMED, "token is not base64: " + e.getMessage(), e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
      return NostrEvent.fromJson(text);
    } catch (CharacterCodingException e) {
      throw new Nip98Exception(MALFORMED, "token is not UTF-8", e);
    } catch (InvalidEventException e) {
      throw new Nip98Exception(MALFORMED, "token is not a Nostr event: " + e.getMessage(), e);
    }
  }

  private void checkTime(Instant createdAt, Instant now) throws Nip98Exception {
    if (createdAt.isBefore(now.minus(tolerance))) {
      throw new Nip98Exception(
          EXPIRED, "auth event is too old: created " + createdAt + ", now " + now);
    }
    if (createdAt.isAfter(now.plus(tolerance))) {
      throw new Nip98Exception(
          EXPIRED, "auth event is from the future: created " + createdAt + ", now " + now);
    }
  }

  private static void checkUrl(NostrEvent event, String url) throws Nip98Exception {
    Optional<String> signedUrl = singleTag(event, Nip98.URL_TAG);
    if (signedUrl.isEmpty() || !signedUrl.get().equals(url)) {
      throw new Nip98Exception(
          URL_MISMATCH, "u tag " + signedUrl.orElse("(none)") + " is not the request URL " + url);
    }
  }

  private static void checkMethod(NostrEvent event, String method) throws Nip98Exception {
    Optional<String> signedMethod = singleTag(event, Nip98.METHOD_TAG);
    if (signedMethod.isEmpty() || !signedMethod.get().equalsIgnoreCase(method)) {
      throw new Nip98Exception(
          METHOD_MISMATCH,
          "method tag " + signedMethod.orElse("(none)") + " is not the request method " + method);
    }
  }

  private static void checkPayload(NostrEvent event, byte[] body) throws Nip98Exception {
    Optional<String> signedHash = singleTag(event, Nip98.PAYLOAD_TAG);
    if (signedHash.isEmpty()) {
      if (body.length > 0) {
        throw new Nip98Exception(PAYLOAD_MISMATCH, "a request with a body needs a payload tag");
      }
      return;
    }
    if (!signedHash.get().equals(Sha256.hex(body))) {
      throw new Nip98Exception(
          PAYLOAD_MISMATCH, "payload tag is not the SHA-256 of the request body");
    }
  }

  /** The value of the only tag with this name ("" if it has none), or empty if there is none. */
  private static Optional<String> singleTag(NostrEvent event, String name) throws Nip98Exception {
    List<List<String>> matching =
        event.tags().stream().filter(tag -> !tag.isEmpty() && tag.get(0).equals(name)).toList();
    if (matching.size() > 1) {
      throw new Nip98Exception(MALFORMED, "auth event has more than one " + name + " tag");
    }
    return matching.stream().findFirst().map(tag -> tag.size() > 1 ? tag.get(1) : "");
  }
}
