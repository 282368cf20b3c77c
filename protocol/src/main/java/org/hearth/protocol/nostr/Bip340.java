package org.hearth.protocol.nostr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * BIP-340 Schnorr signatures over secp256k1, as Nostr uses them: 32-byte x-only public keys,
 * 64-byte signatures, messages of any length.
 *
 * <p>Verification is libsecp256k1's where its binding loads ({@link NativeBip340}); otherwise, and
 * for signing, this follows the BIP's reference algorithms step by step on Bouncy Castle's curve
 * arithmetic. Multiplications by secret scalars use Bouncy Castle's fixed-point comb multiplier, as
 * its own ECDSA signer does; the scalar arithmetic uses {@link BigInteger}, which is not
 * constant-time.
 */
public final class Bip340 {
  private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = SECP256K1.getCurve();
  private static final ECPoint G = SECP256K1.getG();
  private static final BigInteger N = SECP256K1.getN();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  private static final byte[] AUX_TAG = tagPrefix("BIP0340/aux");
  private static final byte[] NONCE_TAG = tagPrefix("BIP0340/nonce");
  private static final byte[] CHALLENGE_TAG = tagPrefix("BIP0340/challenge");

  /** libsecp256k1 where it loads: it verifies the 32-byte messages (every Nostr event id). */
  private static final NativeBip340 NATIVE = NativeBip340.load().orElse(null);

  private Bip340() {}

  /**
   * The x-only public key of a secret key.
   *
   * @throws IllegalArgumentException if the key is not 32 bytes in the range [1, n-1]
   */
  public static byte[] publicKey(byte[] secretKey) {
    return xBytes(multiplyG(secretScalar(secretKey)));
  }

  /** Whether 32 bytes are a valid secret key: an integer in [1, n-1]. */
  public static boolean isValidSecretKey(byte[] secretKey) {
    if (secretKey == null || secretKey.length != 32) {
      return false;
    }
    BigInteger d = new BigInteger(1, secretKey);
    return d.signum() > 0 && d.compareTo(N) < 0;
  }

  /**
   * Signs a message.
   *
   * @param auxRand 32 bytes of fresh randomness (BIP-340 recommends it to protect against fault and
   *     side-channel attacks; the signature stays secure, if less hardened, when it is fixed)
   * @throws IllegalArgumentException if the secret key or the aux_rand is invalid
   */
  public static byte[] sign(byte[] secretKey, byte[] message, byte[] auxRand) {
    if (auxRand == null || auxRand.length != 32) {
      throw new IllegalArgumentException("aux_rand must be 32 bytes");
    }
    BigInteger d0 = secretScalar(secretKey);
    ECPoint publicPoint = multiplyG(d0);
    BigInteger d = hasEvenY(publicPoint) ? d0 : N.subtract(d0);
    byte[] publicKey = xBytes(publicPoint);

    byte[] t = xor(bytes32(d), taggedHash(AUX_TAG, auxRand));
    BigInteger k0 = new BigInteger(1, taggedHash(NONCE_TAG, t, publicKey, message)).mod(N);
    if (k0.signum() == 0) {
      throw new IllegalStateException("nonce is zero (probability 2^-256)");
    }
    ECPoint noncePoint = multiplyG(k0);
    BigInteger k = hasEvenY(noncePoint) ? k0 : N.subtract(k0);
    byte[] r = xBytes(noncePoint);
    BigInteger e = challenge(r, publicKey, message);

    byte[] signature = concat(r, bytes32(k.add(e.multiply(d)).mod(N)));
    if (!verify(publicKey, message, signature)) {
      throw new IllegalStateException("produced signature does not verify");
    }
    return signature;
  }

  /**
   * Verifies a signature. Returns false, never throws, for malformed input: wrong lengths, a public
   * key that is not the x coordinate of a curve point, r &ge; p or s &ge; n.
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || publicKey.length != 32) {
      return false;
    }
    if (message == null || signature == null || signature.length != 64) {
      return false;
    }
    if (NATIVE != null && message.length == 32) {
      return NATIVE.verify(publicKey, message, signature);
    }
    return verifyByBouncyCastle(publicKey, message, signature);
  }

  /** Whether signatures of 32-byte messages are verified by libsecp256k1 ({@link NativeBip340}). */
  public static boolean verifiesNatively() {
    return NATIVE != null;
  }

  /** {@link #verify} by the BIP's reference algorithm, for lengths it has checked. */
  static boolean verifyByBouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
    ECPoint publicPoint = liftX(new BigInteger(1, publicKey));
    if (publicPoint == null) {
      return false;
    }
    byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
    BigInteger r = new BigInteger(1, rBytes);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (r.compareTo(P) >= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger e = challenge(rBytes, publicKey, message);
    ECPoint noncePoint =
        ECAlgorithms.sumOfTwoMultiplies(G, s, publicPoint, N.subtract(e).mod(N)).normalize();
    return !noncePoint.isInfinity()
        && hasEvenY(noncePoint)
        && noncePoint.getAffineXCoord().toBigInteger().equals(r);
  }

  /** The curve point with x coordinate {@code x} and an even y, or null if there is none. */
  private static ECPoint liftX(BigInteger x) {
    if (x.compareTo(P) >= 0) {
      return null;
    }
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement y = fx.square().multiply(fx).add(CURVE.getB()).sqrt();
    if (y == null) {
      return null;
    }
    BigInteger evenY = y.testBitZero() ? P.subtract(y.toBigInteger()) : y.toBigInteger();
    return CURVE.createPoint(x, evenY);
  }

  private static BigInteger secretScalar(byte[] secretKey) {
    if (!isValidSecretKey(secretKey)) {
      throw new IllegalArgumentException("secret key must be 32 bytes in the range [1, n-1]");
    }
    return new BigInteger(1, secretKey);
  }

  private static BigInteger challenge(byte[] r, byte[] publicKey, byte[] message) {
    return new BigInteger(1, taggedHash(CHALLENGE_TAG, r, publicKey, message)).mod(N);
  }

  private static ECPoint multiplyG(BigInteger scalar) {
    return new FixedPointCombMultiplier().multiply(G, scalar).normalize();
  }

  private static boolean hasEvenY(ECPoint normalized) {
    return !normalized.getAffineYCoord().testBitZero();
  }

  private static byte[] xBytes(ECPoint normalized) {
    return normalized.getAffineXCoord().getEncoded();
  }

  private static byte[] bytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }

  /** SHA256(tag) || SHA256(tag), the prefix of every tagged hash with that tag. */
  private static byte[] tagPrefix(String tag) {
    byte[] tagHash = Sha256.hash(tag.getBytes(StandardCharsets.UTF_8));
    return concat(tagHash, tagHash);
  }

  private static byte[] taggedHash(byte[] tagPrefix, byte[]... parts) {
    byte[][] all = new byte[parts.length + 1][];
    all[0] = tagPrefix;
    System.arraycopy(parts, 0, all, 1, parts.length);
    return Sha256.hash(all);
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
