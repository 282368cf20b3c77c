package org.hearth.interfaces.rest.identity;

import java.time.Instant;

/** What an EIP-4361 message for this server must say. */
public class NonceResponse {
  public String nonce;
  public String domain;
  public String uri;
  public long chainId;
  public String version;
  public Instant expiresAt;
}
