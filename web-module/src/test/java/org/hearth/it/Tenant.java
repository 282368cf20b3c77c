package org.hearth.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.nip98.Nip98Signer;

/** A tenant whose account is proven by its Nostr key, signing every request with NIP-98. */
final class Tenant {

  /** The secret key of the integration tests' admin (its public key is in HEARTH_AUTH_ADMINS). */
  static final String ADMIN_SECRET = "a1".repeat(32);

  /** Amply funded: 10 USDC. */
  static final long FUNDS = 10_000_000;

  final NostrKeyPair key;
  private final HearthApi api;

  Tenant(HearthApi api) {
    this(api, NostrKeyPair.generate());
  }

  Tenant(HearthApi api, NostrKeyPair key) {
    this.api = api;
    this.key = key;
  }

  /** The tests' admin. */
  static Tenant admin(HearthApi api) {
    return new Tenant(api, NostrKeyPair.fromSecretKeyHex(ADMIN_SECRET));
  }

  /** A new tenant whose balance an admin credited with {@link #FUNDS}. */
  static Tenant funded(HearthApi api) {
    return new Tenant(api).credit(FUNDS);
  }

  /** Has an admin credit {@code amount} to this tenant's available balance. */
  Tenant credit(long amount) {
    String body =
        "{\"accountId\":\"%s\",\"amount\":%d,\"reference\":\"it-%s\"}"
            .formatted(accountId(), amount, UUID.randomUUID());
    HearthApi.Reply credited = admin(api).post("api/admin/credits", body);
    if (credited.status() != 201) {
      throw new AssertionError("credit refused: " + credited);
    }
    return this;
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

  String sign(String path, String method, String body) {
    return new Nip98Signer(key)
        .authorizationHeader(
            api.url(path), method, body.getBytes(StandardCharsets.UTF_8), Instant.now());
  }
}
