package org.hearth.application.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which attestations (kind 10033) the marketplace takes ({@code hearth.attestation.*}). */
@ApplicationScoped
public class AttestationSettings {

  /** Comma-separated hex keys whose attestations of any node are taken. */
  @Inject
  @ConfigProperty(name = "hearth.attestation.attesters")
  Optional<String> attesters;

  @Inject
  @ConfigProperty(name = "hearth.attestation.max-validity", defaultValue = "P30D")
  Duration maxValidity;

  @Inject
  @ConfigProperty(name = "hearth.attestation.max-quote-bytes", defaultValue = "16384")
  int maxQuoteBytes;

  public AttestationRules rules() {
    Set<String> trusted =
        Arrays.stream(attesters.orElse("").split(","))
            .map(k -> k.trim().toLowerCase(Locale.ROOT))
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new AttestationRules(maxValidity, maxQuoteBytes, trusted);
  }
}
