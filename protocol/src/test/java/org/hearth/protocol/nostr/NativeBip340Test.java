package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libsecp256k1 through its binding loads here and agrees with Bouncy Castle ({@link
 * Bip340VectorsTest} runs the BIP's vectors through both).
 */
class NativeBip340Test {

  private static NativeBip340 nativeBip340;

  @BeforeAll
  static void load() {
    Optional<NativeBip340> loaded = NativeBip340.load();
    // The binding ships libraries for Linux on x86-64 and ARM64 only.
    boolean supported =
        System.getProperty("os.name").equals("Linux")
            && Set.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
    assumeTrue(supported, "no libsecp256k1 binding for this system");
    assertTrue(loaded.isPresent(), "libsecp256k1 should load here");
    assertTrue(Bip340.verifiesNatively());
    nativeBip340 = loaded.get();
  }

  @Test
  void agreesWithBouncyCastleOnFreshAndTamperedSignatures() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      NostrKeyPair keys = NostrKeyPair.generate(random);
      byte[] publicKey = keys.publicKey();
      byte[] message = new byte[32];
      random.nextBytes(message);
      byte[] signature = Bip340.sign(keys.secretKey(), message, new byte[32]);
      assertTrue(nativeBip340.verify(publicKey, message, signature));
      assertTrue(Bip340.verifyByBouncyCastle(publicKey, message, signature));

      byte[] tampered = signature.clone();
      tampered[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
      assertEquals(
          Bip340.verifyByBouncyCastle(publicKey, message, tampered),
          nativeBip340.verify(publicKey, message, tampered));
      message[0] ^= 1;
      assertFalse(nativeBip340.verify(publicKey, message, signature));
    }
  }
}
