package org.hearth.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;

/** Every ten minutes, drops used authorization events that have expired (any server may). */
@Singleton
public class UsedAuthEventsJanitor {

  @EJB UsedAuthEvents usedEvents;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void forgetExpired() {
    usedEvents.forgetExpired(clock.instant());
  }
}
