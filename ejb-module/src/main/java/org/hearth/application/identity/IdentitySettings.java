package org.hearth.application.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in and session configuration. */
@ApplicationScoped
public class IdentitySettings {

  @Inject
  @ConfigProperty(name = "hearth.auth.nonce-ttl", defaultValue = "PT5M")
  Duration nonceTtl;

  @Inject
  @ConfigProperty(name = "hearth.auth.session-ttl", defaultValue = "P7D")
  Duration sessionTtl;

  @Inject
  @ConfigProperty(name = "hearth.auth.session-idle-timeout", defaultValue = "PT2H")
  Duration sessionIdleTimeout;

  @Inject
  @ConfigProperty(name = "hearth.auth.clock-skew", defaultValue = "PT60S")
  Duration clockSkew;

  @Inject
  @ConfigProperty(name = "hearth.chain.id", defaultValue = "1")
  long chainId;

  /** Comma-separated keys (Nostr hex public keys or Ethereum addresses) of admins' accounts. */
  @Inject
  @ConfigProperty(name = "hearth.auth.admins")
  Optional<String> admins;

  /** How long a sign-in nonce or challenge stays usable. */
  public Duration nonceTtl() {
    return nonceTtl;
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /** How far a signed time may be in the future and still count. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** The EIP-155 chain id SIWE messages must name. */
  public long chainId() {
    return chainId;
  }

  public boolean isAdminKey(String key) {
    return Arrays.stream(admins.orElse("").split(","))
        .map(k -> k.trim().toLowerCase(Locale.ROOT))
        .anyMatch(k -> k.equals(key));
  }
}
