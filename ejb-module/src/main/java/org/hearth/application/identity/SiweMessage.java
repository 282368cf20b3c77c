package org.hearth.application.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A Sign-In with Ethereum (EIP-4361) message, as parsed by {@link SiweMessageParser}. Optional
 * fields are null (or empty, for resources) when the message leaves them out.
 */
public record SiweMessage(
    String scheme,
    String domain,
    String address,
    String statement,
    URI uri,
    String version,
    long chainId,
    String nonce,
    Instant issuedAt,
    Instant expirationTime,
    Instant notBefore,
    String requestId,
    List<URI> resources) {}
