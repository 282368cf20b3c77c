package org.hearth.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/** A tenant whose account is proven by its Nostr key, signing every request with NIP-98. */
final class Tenant {

  final NostrKeyPair key;
  private final HearthApi api;

  Tenant(HearthApi api) {
    this(api, NostrKeyPair.generate());
  }

  Tenant(HearthApi api, NostrKeyPair key) {
    this.api = api;
    this.key = key;
  }

  /** Any method; {@code body} may be null. */
  HearthApi.Reply send(String method, String path, String body) {
    return api.send(path, method, body, sign(path, method, body == null ? "" : body));
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

  HearthApi.Reply put(String path) {
    return api.send(path, "PUT", null, sign(path, "PUT", ""));
  }

  /** The id of this key's account (created by its first signed request). */
  String accountId() {
    return get("api/account").json().get("id").asText();
  }

  private String sign(String path, String method, String body) {
    return new Nip98Signer(key)
        .authorizationHeader(
            api.url(path), method, body.getBytes(StandardCharsets.UTF_8), Instant.now());
  }
}
