package org.hearth.protocol.nostr;

/** Checks that an event is authentic. */
public final class EventVerifier {
  private EventVerifier() {}

  /**
   * Whether the event's id is the hash of its NIP-01 serialization and its signature is a valid
   * BIP-340 signature of that id by its pubkey.
   */
  public static boolean verify(NostrEvent event) {
    String id = event.computeId();
    return id.equals(event.id())
        && Bip340.verify(Hex.decode(event.pubkey()), Hex.decode(id), Hex.decode(event.sig()));
  }
}
