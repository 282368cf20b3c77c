package org.hearth.application.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import org.hearth.protocol.nostr.Hex;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Recovers the signer of an EIP-191 {@code personal_sign} signature, with Web3j. */
public final class EthereumSignatures {

  private EthereumSignatures() {}

  /**
   * @param signature {@code 0x} and 130 hex digits: r, s and v (27/28, or 0/1 as some wallets give)
   * @return the signer's address in EIP-55 checksum case
   * @throws SignInException if the signature is malformed or recovers no key
   */
  public static String recoverSigner(String message, String signature) {
    if (signature == null || !signature.matches("0x[0-9a-fA-F]{130}")) {
      throw new SignInException("the signature must be 0x and 130 hex digits (r, s, v)");
    }
    byte[] bytes = Hex.decode(signature.substring(2).toLowerCase());
    byte v = bytes[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      throw new SignInException("the signature's v must be 27 or 28");
    }
    Sign.SignatureData data =
        new Sign.SignatureData(
            v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
    try {
      BigInteger publicKey =
          Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
      return Keys.toChecksumAddress(Keys.getAddress(publicKey));
    } catch (SignatureException | IllegalArgumentException e) {
      throw new SignInException("the signature recovers no key: " + e.getMessage());
    }
  }
}
