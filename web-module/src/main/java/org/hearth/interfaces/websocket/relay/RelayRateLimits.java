package org.hearth.interfaces.websocket.relay;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.application.nostr.Relay;
import org.hearth.interfaces.rest.ratelimit.Limit;
import org.hearth.interfaces.rest.ratelimit.RateLimiter;

/**
 * The relay's budgets ({@code hearth.relay.rate.*}, per {@code hearth.rate-limit.window}, in the
 * same token buckets as the REST budgets): events per author, and events ({@code EVENT} and {@code
 * AUTH} messages) and subscriptions ({@code REQ}) per client IP address. A client over a budget is
 * refused that one message with a {@code rate-limited:} reason; its connection stays open. The
 * author budget is also what events read from external relays spend.
 */
@ApplicationScoped
public class RelayRateLimits implements Relay.AuthorBudget {

  @Inject RateLimiter limiter;

  @Inject
  @ConfigProperty(name = "hearth.relay.rate.events-per-key", defaultValue = "120")
  long eventsPerKey;

  @Inject
  @ConfigProperty(name = "hearth.relay.rate.events-per-ip", defaultValue = "600")
  long eventsPerIp;

  @Inject
  @ConfigProperty(name = "hearth.relay.rate.reqs-per-ip", defaultValue = "600")
  long reqsPerIp;

  private Limit eventsByKey;
  private Limit eventsByIp;
  private Limit reqsByIp;

  @PostConstruct
  void start() {
    eventsByKey = new Limit("relay-event:key", eventsPerKey, limiter.window());
    eventsByIp = new Limit("relay-event:ip", eventsPerIp, limiter.window());
    reqsByIp = new Limit("relay-req:ip", reqsPerIp, limiter.window());
  }

  /** Takes one event from the author's budget; the refusal if it is spent. */
  @Override
  public Optional<String> take(String pubkey) {
    return take(eventsByKey, pubkey, "events from this key");
  }

  /** Takes one event or AUTH from the address's budget; the refusal if it is spent. */
  Optional<String> eventFrom(String address) {
    return take(eventsByIp, address, "events from this address");
  }

  /** Takes one subscription from the address's budget; the refusal if it is spent. */
  Optional<String> subscriptionFrom(String address) {
    return take(reqsByIp, address, "subscriptions from this address");
  }

  private Optional<String> take(Limit limit, String who, String what) {
    Duration wait = limiter.tryTake(limit, who);
    if (wait.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        "rate-limited: too many "
            + what
            + "; retry in "
            + RateLimiter.retryAfterSeconds(wait)
            + " s");
  }
}
