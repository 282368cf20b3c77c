package org.hearth.protocol.nostr;

import java.security.SecureRandom;

/**
 * A Nostr (BIP-340) key pair: a secret key and its x-only public key. {@link #toString()} never
 * shows the secret.
 */
public final class NostrKeyPair {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secretKey;
  private final byte[] publicKey;

  private NostrKeyPair(byte[] secretKey) {
    this.secretKey = secretKey.clone();
    this.publicKey = Bip340.publicKey(this.secretKey);
  }

  /** A fresh key pair from a shared {@link SecureRandom}. */
  public static NostrKeyPair generate() {
    return generate(RANDOM);
  }

  public static NostrKeyPair generate(SecureRandom random) {
    byte[] candidate = new byte[32];
    do {
      random.nextBytes(candidate);
    } while (!Bip340.isValidSecretKey(candidate));
    return new NostrKeyPair(candidate);
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a valid secret key
   */
  public static NostrKeyPair fromSecretKey(byte[] secretKey) {
    return new NostrKeyPair(secretKey);
  }

  /**
   * @param secretKeyHex 64 hex characters, either case
   * @throws IllegalArgumentException if the text is not hex of a valid secret key
   */
  public static NostrKeyPair fromSecretKeyHex(String secretKeyHex) {
    return new NostrKeyPair(Hex.decode(secretKeyHex));
  }

  public byte[] secretKey() {
    return secretKey.clone();
  }

  public String secretKeyHex() {
    return Hex.encode(secretKey);
  }

  /** The 32-byte x-only public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The public key as Nostr writes it: 64 lowercase hex characters. */
  public String publicKeyHex() {
    return Hex.encode(publicKey);
  }

  /** A BIP-340 signature of {@code message} with fresh aux_rand. */
  public byte[] sign(byte[] message) {
    byte[] auxRand = new byte[32];
    RANDOM.nextBytes(auxRand);
    return Bip340.sign(secretKey, message, auxRand);
  }

  @Override
  public String toString() {
    return "NostrKeyPair[publicKey=" + publicKeyHex() + "]";
  }
}
