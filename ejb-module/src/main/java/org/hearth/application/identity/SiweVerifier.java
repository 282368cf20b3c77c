package org.hearth.application.identity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Checks a parsed EIP-4361 message against this server (domain, URI, chain) and the clock, then
 * recovers its signer. The nonce is the caller's to use up, after everything here has passed.
 */
public final class SiweVerifier {

  private final URI publicUrl;
  private final long chainId;
  private final Duration skew;

  /**
   * @param publicUrl the URL clients reach Hearth at: the message's domain must be its authority,
   *     its URI must be on the same origin
   */
  public SiweVerifier(String publicUrl, long chainId, Duration skew) {
    this.publicUrl = URI.create(publicUrl);
    this.chainId = chainId;
    this.skew = skew;
  }

  /** The domain, URI base and chain id a message for this server must carry. */
  public String domain() {
    return publicUrl.getRawAuthority();
  }

  /**
   * @return the signer's address, lowercase
   * @throws SignInException naming the failed check
   */
  public String verify(SiweMessage message, String text, String signature, Instant now) {
    if (!domain().equalsIgnoreCase(message.domain())) {
      throw new SignInException(
          "the message is for domain " + message.domain() + ", not " + domain());
    }
    if (message.scheme() != null && !message.scheme().equalsIgnoreCase(publicUrl.getScheme())) {
      throw new SignInException("the message's scheme is not " + publicUrl.getScheme());
    }
    if (!sameOrigin(message.uri())) {
      throw new SignInException("the message's URI is not on " + publicUrl);
    }
    if (message.chainId() != chainId) {
      throw new SignInException(
          "the message is for chain " + message.chainId() + ", not chain " + chainId);
    }
    if (message.issuedAt().isAfter(now.plus(skew))) {
      throw new SignInException("the message's Issued At is in the future");
    }
    if (message.expirationTime() != null && !now.isBefore(message.expirationTime())) {
      throw new SignInException("the message expired at " + message.expirationTime());
    }
    if (message.notBefore() != null && now.plus(skew).isBefore(message.notBefore())) {
      throw new SignInException("the message is not valid before " + message.notBefore());
    }
    String signer = EthereumSignatures.recoverSigner(text, signature);
    if (!signer.equals(message.address())) {
      throw new SignInException("the signature is not by " + message.address());
    }
    return signer.toLowerCase(Locale.ROOT);
  }

  private boolean sameOrigin(URI uri) {
    return publicUrl.getScheme().equalsIgnoreCase(uri.getScheme())
        && domain().equalsIgnoreCase(uri.getRawAuthority());
  }
}
