package org.hearth.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.protocol.nostr.nip98.Nip98Auth;
import org.hearth.protocol.nostr.nip98.Nip98Exception;
import org.hearth.protocol.nostr.nip98.Nip98Verifier;

/**
 * Checks NIP-98 signed requests. An authorization event is accepted once: its id is remembered in
 * the database until it could no longer pass the time check, so a replay fails even after a
 * restart.
 */
@ApplicationScoped
public class Nip98Authenticator {

  @Inject UsedAuthEvents usedEvents;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "hearth.auth.nip98-tolerance", defaultValue = "PT60S")
  Duration tolerance;

  private Nip98Verifier verifier;

  @PostConstruct
  void init() {
    verifier = new Nip98Verifier(usedEvents, tolerance);
  }

  /**
   * @param url the absolute URL the client addressed, as the public sees it
   * @throws Nip98Exception saying which check failed
   */
  public Nip98Auth authenticate(String authorization, String url, String method, byte[] body)
      throws Nip98Exception {
    return verifier.verify(authorization, url, method, body, clock.instant());
  }
}
