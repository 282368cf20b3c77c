package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The official BIP-340 test vectors (bitcoin/bips, bip-0340/test-vectors.csv, revision 200f9b26
 * with the variable-length messages of vectors 15 to 18), through Bouncy Castle and, where it
 * loads, libsecp256k1.
 */
class Bip340VectorsTest {

  private static final Optional<NativeBip340> NATIVE = NativeBip340.load();

  @ParameterizedTest(name = "vector {0}: {7}")
  @CsvFileSource(resources = "/bip340-test-vectors.csv", numLinesToSkip = 1)
  void verifiesAsStated(
      int index,
      String secretKey,
      String publicKey,
      String auxRand,
      String message,
      String signature,
      boolean expected,
      String comment) {
    assertEquals(expected, Bip340.verify(bytes(publicKey), bytes(message), bytes(signature)));
    assertEquals(
        expected, Bip340.verifyByBouncyCastle(bytes(publicKey), bytes(message), bytes(signature)));
    NATIVE
        .filter(loaded -> bytes(message).length == 32)
        .ifPresent(
            loaded ->
                assertEquals(
                    expected, loaded.verify(bytes(publicKey), bytes(message), bytes(signature))));
  }

  @ParameterizedTest(name = "vector {0}")
  @CsvFileSource(resources = "/bip340-test-vectors.csv", numLinesToSkip = 1)
  void signsExactlyAsStatedWhereTheSecretKeyIsGiven(
      int index,
      String secretKey,
      String publicKey,
      String auxRand,
      String message,
      String signature) {
    if (secretKey == null) {
      return;
    }
    assertEquals(publicKey, Hex.encode(Bip340.publicKey(bytes(secretKey))).toUpperCase());
    byte[] produced = Bip340.sign(bytes(secretKey), bytes(message), bytes(auxRand));
    assertEquals(signature, Hex.encode(produced).toUpperCase());
  }

  /** An empty CSV field (vector 15's message) arrives as null and means zero bytes. */
  private static byte[] bytes(String hex) {
    return hex == null ? new byte[0] : Hex.decode(hex);
  }
}
