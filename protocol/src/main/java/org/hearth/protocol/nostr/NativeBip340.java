package org.hearth.protocol.nostr;

import fr.acinq.secp256k1.Secp256k1;
import java.util.Optional;

/**
 * BIP-340 verification by libsecp256k1, through ACINQ's JNI binding (secp256k1-kmp): about a third
 * of Bouncy Castle's CPU per signature (bench/README.md, "Relay"). The binding is an optional
 * dependency of this library: the server has it, the node agent does not. Where it is missing, or
 * its native library does not load on this system, {@link #load} is empty and {@link Bip340} stays
 * with Bouncy Castle.
 */
final class NativeBip340 {

  private static final System.Logger LOG = System.getLogger(NativeBip340.class.getName());

  /** BIP-340 test vector 1, checked once before the library is trusted. */
  private static final byte[] CHECK_KEY =
      Hex.decode("dff1d77f2a671c5f36183726db2341be58feae1da2deced843240f7b502ba659");

  private static final byte[] CHECK_MESSAGE =
      Hex.decode("243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89");

  private static final byte[] CHECK_SIGNATURE =
      Hex.decode(
          "6896bd60eeae296db48a229ff71dfe071bde413e6d43f917dc8dcf8c78de3341"
              + "8906d11ac976abccb20b091292bff4ea897efcb639ea871cfa95f6de339e4b0a");

  private final Secp256k1 secp;

  private NativeBip340(Secp256k1 secp) {
    this.secp = secp;
  }

  static Optional<NativeBip340> load() {
    NativeBip340 loaded;
    try {
      loaded = new NativeBip340(Secp256k1.Companion.get());
    } catch (NoClassDefFoundError e) {
      LOG.log(System.Logger.Level.DEBUG, "BIP-340 by Bouncy Castle: no libsecp256k1 binding");
      return Optional.empty();
    } catch (LinkageError | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "BIP-340 by Bouncy Castle: libsecp256k1 did not load: {0}",
          e.toString());
      return Optional.empty();
    }
    byte[] tampered = CHECK_SIGNATURE.clone();
    tampered[63] ^= 1;
    if (!loaded.verify(CHECK_KEY, CHECK_MESSAGE, CHECK_SIGNATURE)
        || loaded.verify(CHECK_KEY, CHECK_MESSAGE, tampered)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "BIP-340 by Bouncy Castle: libsecp256k1 failed its check with a test vector");
      return Optional.empty();
    }
    LOG.log(System.Logger.Level.INFO, "BIP-340 verification by libsecp256k1");
    return Optional.of(loaded);
  }

  /**
   * Verifies a signature of a 32-byte message; false for an invalid one, also where the binding
   * throws (a public key that is not on the curve).
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      return secp.verifySchnorr(signature, message, publicKey);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
