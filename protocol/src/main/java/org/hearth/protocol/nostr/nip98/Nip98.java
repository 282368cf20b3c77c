package org.hearth.protocol.nostr.nip98;

/** Constants of NIP-98 HTTP auth. */
public final class Nip98 {
  /** The kind of the event in the header, after RFC 7235. */
  public static final int KIND = 27235;

  /** The HTTP authorization scheme. */
  public static final String SCHEME = "Nostr";

  static final String URL_TAG = "u";
  static final String METHOD_TAG = "method";
  static final String PAYLOAD_TAG = "payload";

  private Nip98() {}
}
