package org.hearth.protocol.nostr.nip98;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;

/**
 * Makes NIP-98 {@code Authorization} header values for requests signed by one key. Each event
 * carries a random {@code nonce} tag: servers accept an event once, and without it two identical
 * requests in the same second would be the same event.
 */
public final class Nip98Signer {
  static final String NONCE_TAG = "nonce";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EventSigner signer;

  public Nip98Signer(NostrKeyPair keys) {
    this.signer = new EventSigner(keys);
  }

  /**
   * The header value {@code Nostr <base64 of the event JSON>} for one request.
   *
   * @param url the absolute request URL, query included, exactly as the server will see it
   * @param body the exact request body; null or empty for none. A body gets a {@code payload} tag.
   * @param now the event's {@code created_at}
   */
  public String authorizationHeader(String url, String method, byte[] body, Instant now) {
    List<List<String>> tags = new ArrayList<>();
    tags.add(List.of(Nip98.URL_TAG, url));
    tags.add(List.of(Nip98.METHOD_TAG, method));
    if (body != null && body.length > 0) {
      tags.add(List.of(Nip98.PAYLOAD_TAG, Sha256.hex(body)));
    }
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    tags.add(List.of(NONCE_TAG, Hex.encode(nonce)));
    NostrEvent event = signer.sign(Nip98.KIND, tags, "", now);
    byte[] json = event.toJson().getBytes(StandardCharsets.UTF_8);
    return Nip98.SCHEME + " " + Base64.getEncoder().encodeToString(json);
  }
}
