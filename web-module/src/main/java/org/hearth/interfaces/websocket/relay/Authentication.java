package org.hearth.interfaces.websocket.relay;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.protocol.nostr.Hex;

/**
 * NIP-42 on one connection: the random challenge it is sent on connect, and the keys it has
 * authenticated since (a client may authenticate several).
 */
final class Authentication {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String challenge;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  Authentication() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    challenge = Hex.encode(bytes);
  }

  String challenge() {
    return challenge;
  }

  void add(String pubkey) {
    keys.add(pubkey);
  }

  Set<String> keys() {
    return Collections.unmodifiableSet(keys);
  }
}
