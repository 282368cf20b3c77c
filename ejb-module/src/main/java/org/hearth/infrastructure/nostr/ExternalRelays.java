package org.hearth.infrastructure.nostr;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.application.compute.ComputeKinds;
import org.hearth.application.nostr.EventAccepted;
import org.hearth.application.nostr.Relay;
import org.hearth.protocol.net.Backoff;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The external relays of {@code hearth.nostr.relays}: the market's own events (offers, bids,
 * statuses, feedback, capabilities) stored on the embedded relay are published there too, and the
 * job requests, acceptances, feedback and follow lists found there are published on the embedded
 * relay, within their authors' budgets, which answers them as if they had been sent to it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExternalRelays {

  private static final System.Logger LOG = System.getLogger(ExternalRelays.class.getName());

  /** What the market reads from external relays. */
  static final String READ_FILTER =
      "{\"kinds\":["
          + ComputeKinds.JOB_REQUEST
          + ","
          + ComputeKinds.BID_ACCEPTANCE
          + ","
          + ComputeKinds.FEEDBACK
          + ","
          + ComputeKinds.ATTESTATION
          + ",3]}";

  /** The marketplace's own kinds it publishes on external relays. */
  private static final Set<Integer> MARKET_KINDS =
      Set.of(
          ComputeKinds.OFFER,
          ComputeKinds.JOB_RESULT,
          ComputeKinds.FEEDBACK,
          ComputeKinds.CAPABILITIES);

  @Resource ManagedScheduledExecutorService executor;
  @Inject ExternalRelaySettings settings;
  @Inject Relay relay;
  // Each author's relay budget (the web layer's): a spammer there gets no more than here.
  @Inject Relay.AuthorBudget authorBudget;
  @Inject Clock clock;

  private List<RelayLink> links = List.of();

  @PostConstruct
  void connect() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    links =
        settings.relays().stream()
            .map(
                url ->
                    new RelayLink(
                        URI.create(url),
                        http,
                        executor,
                        new Backoff(
                            Duration.ofSeconds(1),
                            settings.reconnectMax(),
                            () -> ThreadLocalRandom.current().nextDouble()),
                        READ_FILTER,
                        settings.lookback(),
                        settings.maxPending(),
                        this::received,
                        clock))
            .toList();
    links.forEach(RelayLink::start);
  }

  @PreDestroy
  void disconnect() {
    links.forEach(RelayLink::close);
  }

  /** How each external relay is doing. */
  public List<RelayLink.Health> health() {
    return links.stream().map(RelayLink::health).toList();
  }

  public void forward(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventAccepted accepted) {
    // Only what Hearth published itself: a stranger's offer on the embedded relay, or an event
    // read from another relay, is not ours to spread.
    if (accepted.ours() && MARKET_KINDS.contains(accepted.event().kind())) {
      links.forEach(link -> link.publish(accepted.event().id(), accepted.json()));
    }
  }

  /** On a container thread, as the embedded relay's own clients are served. */
  private void received(String json) {
    executor.execute(
        () -> {
          try {
            Relay.Verdict verdict =
                relay.publish(NostrEvent.fromJson(json), Set.of(), authorBudget);
            if (!verdict.accepted()) {
              LOG.log(System.Logger.Level.DEBUG, "Refused from a relay: {0}", verdict.message());
            }
          } catch (IllegalArgumentException e) {
            LOG.log(
                System.Logger.Level.DEBUG, "Unreadable event from a relay: {0}", e.getMessage());
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "An event from a relay failed: {0}", e.toString());
          }
        });
  }
}
