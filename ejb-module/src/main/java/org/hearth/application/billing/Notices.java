package org.hearth.application.billing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.hearth.domain.billing.NoticeStore;

/**
 * Notices to tenants about their money (low balance, a VM suspended): visible through the API and,
 * when {@code hearth.billing.webhook-url} is set, POSTed there once when raised.
 */
@Stateless
public class Notices {

  /** The kinds of notice. */
  public enum Kind {
    LOW_BALANCE,
    VM_SUSPENDED
  }

  @Inject NoticeStore store;
  @Inject Event<NoticeRaised> raised;
  @Inject Clock clock;

  public void raise(String accountId, Kind kind, String message) {
    if (store.raise(accountId, kind.name(), message, clock.instant())) {
      raised.fire(new NoticeRaised(accountId, kind.name(), message, clock.instant()));
    }
  }

  public void clearAll(Collection<String> accountIds, Kind kind) {
    store.clear(accountIds, kind.name(), clock.instant());
  }

  public List<NoticeStore.Notice> raised(String accountId) {
    return store.raised(accountId);
  }
}
