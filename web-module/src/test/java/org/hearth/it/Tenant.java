package org.hearth.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/** A tenant identified by its Nostr key, signing every request with NIP-98. */
final class Tenant {

  final NostrKeyPair key = NostrKeyPair.generate();
  private final HearthApi api;

  Tenant(HearthApi api) {
    this.api = api;
  }

  HearthApi.Reply post(String path, String body) {
    return api.post(path, body, sign(path, "POST", body));
  }

  HearthApi.Reply get(String path) {
    return api.send(path, "GET", null, sign(path, "GET", ""));
  }

  HearthApi.Reply delete(String path) {
    return api.send(path, "DELETE", null, sign(path, "DELETE", ""));
  }

  private String sign(String path, String method, String body) {
    return new Nip98Signer(key)
        .authorizationHeader(
            api.url(path), method, body.getBytes(StandardCharsets.UTF_8), Instant.now());
  }
}
