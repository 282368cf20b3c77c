package org.hearth.interfaces.rest.vm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.hearth.application.billing.PeriodsBilled;
import org.hearth.application.identity.SessionEnded;
import org.hearth.application.identity.Sessions;
import org.hearth.application.settlement.DepositCredited;
import org.hearth.application.vm.VmChangedElsewhere;
import org.hearth.application.vm.VmFeed;
import org.hearth.application.vm.VmService;
import org.hearth.application.vm.VmSettings;
import org.hearth.domain.vm.VmChanged;

/**
 * The open VM event streams ({@code GET /api/vms/events}) per account: each VM change, once
 * committed, is pushed to its owner's and members' streams, each billing period held or settled to
 * its tenant's (the money moved, the VM's charges changed), and each deposit credited to its
 * tenant's. The VM state changes other servers of a cluster commit come from the {@link VmFeed};
 * billing periods and deposits of this server's commits only.
 *
 * <p>Every {@code hearth.vm.events.keep-alive} each stream gets a comment line. It keeps proxies
 * from closing a quiet stream, and it is how a stream whose client went away is noticed: its write
 * fails and it is forgotten, where it would otherwise stay (and keep the {@link VmFeed} being read)
 * until its account's next event. The gauge {@code hearth.vm.event-streams} counts the open ones.
 *
 * <p>A stream opened with a session's token ends with the session: at once when it is revoked or
 * logged out on this server, else at the next keep-alive (expired, or revoked on another server).
 */
@ApplicationScoped
public class VmEventStreams {

  private static final System.Logger LOG = System.getLogger(VmEventStreams.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  /** What a stream carries for one billing period held or settled. */
  public record BillingEvent(String id) {}

  /** What a stream carries for one deposit credited. */
  public record DepositEvent(String transactionHash) {}

  /** What a stream carries for one change. */
  public record VmEvent(String id, String state, String stateReason, String nodeId, Instant at) {}

  @Inject VmService vms;
  @Inject Sessions sessions;
  @Inject VmFeed feed;
  @Inject VmSettings settings;
  @Inject MetricRegistry metrics;
  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

  private ScheduledFuture<?> keepAlive;

  /** An open stream; {@code sessionId} null for one opened with a signed request. */
  private record Stream(SseEventSink sink, Sse sse, String sessionId) {}

  @PostConstruct
  void start() {
    metrics.gauge(
        Metadata.builder()
            .withName("hearth.vm.event-streams")
            .withDescription("VM event streams open on this server")
            .build(),
        this::openStreams);
    long every = settings.eventsKeepAlive().toMillis();
    keepAlive = scheduler.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    keepAlive.cancel(false);
  }

  int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  /**
   * A comment to every open stream; the ones whose clients went away fail and are forgotten, and
   * the ones whose session ended are closed.
   */
  void keepAlive() {
    streams.forEach(
        (account, open) ->
            open.forEach(
                stream -> {
                  if (stream.sessionId() != null && !sessions.isActive(stream.sessionId())) {
                    end(account, stream);
                  } else {
                    send(
                        account,
                        stream,
                        stream.sse().newEventBuilder().comment("keep-alive").build());
                  }
                }));
  }

  /** A session was revoked or logged out: the streams it opened end at once. */
  void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
    streams.forEach(
        (account, open) ->
            open.stream()
                .filter(stream -> ended.sessionId().equals(stream.sessionId()))
                .forEach(stream -> end(account, stream)));
  }

  /**
   * Keeps {@code sink} open for {@code accountId} until the client goes away, or until the session
   * it was opened in ends ({@code sessionId} null: a signed request, with no session).
   */
  public void open(String accountId, String sessionId, SseEventSink sink, Sse sse) {
    Stream stream = new Stream(sink, sse, sessionId);
    streams.computeIfAbsent(accountId, a -> ConcurrentHashMap.newKeySet()).add(stream);
    feed.follow(this::anyOpen);
    send(accountId, stream, sse.newEventBuilder().name("ready").data("{}").build());
  }

  private boolean anyOpen() {
    return !streams.isEmpty();
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) VmChanged change) {
    push(change);
  }

  void onChangeElsewhere(@Observes VmChangedElsewhere changed) {
    push(changed.change());
  }

  /** A {@code vm} event to each of the owner's and members' streams. */
  private void push(VmChanged change) {
    if (streams.isEmpty()) {
      return;
    }
    List<String> watchers = new ArrayList<>();
    watchers.add(change.ownerAccountId());
    try {
      watchers.addAll(vms.memberIds(change.vmId()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "members of {0} unknown: {1}", change.vmId(), e);
    }
    VmEvent event =
        new VmEvent(
            change.vmId(),
            change.state().name(),
            change.stateReason(),
            change.nodeId(),
            change.at());
    watchers.forEach(account -> push(account, "vm", change.vmId(), event));
  }

  void onBilled(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeriodsBilled billed) {
    for (PeriodsBilled.Period period : billed.periods()) {
      push(period.tenantAccountId(), "billing", period.vmId(), new BillingEvent(period.vmId()));
    }
  }

  void onDeposit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DepositCredited deposit) {
    push(
        deposit.tenantAccountId(),
        "deposit",
        deposit.transactionHash(),
        new DepositEvent(deposit.transactionHash()));
  }

  /** One named event to each of the account's streams. */
  private void push(String account, String name, String id, Object payload) {
    Set<Stream> open = streams.getOrDefault(account, Set.of());
    if (open.isEmpty()) {
      return; // most billed periods: nobody watches, so nothing to serialize
    }
    String data = JSONB.toJson(payload);
    for (Stream stream : open) {
      send(
          account,
          stream,
          stream
              .sse()
              .newEventBuilder()
              .name(name)
              .id(id)
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(data)
              .build());
    }
  }

  private void send(String account, Stream stream, OutboundSseEvent event) {
    if (stream.sink().isClosed()) {
      forget(account, stream);
      return;
    }
    stream
        .sink()
        .send(event)
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                forget(account, stream);
              }
            });
  }

  private void end(String account, Stream stream) {
    forget(account, stream);
    try {
      stream.sink().close();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing an event stream", e);
    }
  }

  private void forget(String account, Stream stream) {
    streams.computeIfPresent(
        account,
        (a, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
  }
}
