package org.hearth.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Every ten minutes, drops used authorization events, sign-in nonces and sessions that can no
 * longer pass a check anyway (any server may: each delete is idempotent).
 */
@Singleton
public class CredentialJanitor {

  @EJB UsedAuthEvents usedEvents;
  @EJB SignInNonces nonces;
  @EJB Sessions sessions;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void forgetExpired() {
    Instant now = clock.instant();
    usedEvents.forgetExpired(now);
    nonces.forgetExpired(now);
    sessions.forgetEnded(now);
  }
}
