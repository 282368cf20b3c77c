package org.hearth.interfaces.websocket.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import org.hearth.application.nostr.Relay;
import org.hearth.application.nostr.RelayAdmission;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Group commit of the events clients publish: each is checked on its connection's thread ({@link
 * RelayAdmission}, so signatures are verified in parallel), then one writer stores the events that
 * arrived meanwhile, up to {@link #BATCH} of them, in one transaction ({@link
 * Relay#storeAdmitted}). Under load that is one commit for many events instead of one each; alone,
 * an event waits for nobody. If a batch fails, its events are stored again one per transaction, so
 * one bad event costs no other its place. A client gets its {@code OK} once its event is committed.
 */
@ApplicationScoped
public class RelayIngest {

  private static final System.Logger LOG = System.getLogger(RelayIngest.class.getName());

  static final int BATCH = 200;

  /** Events waiting to be stored; beyond this the relay answers that it is busy. */
  static final int QUEUE = 20_000;

  private static final Relay.Verdict NOT_STORED =
      new Relay.Verdict(false, "error: the relay could not store the event");

  private static final Relay.Verdict BUSY =
      new Relay.Verdict(false, "rate-limited: the relay is busy, try again shortly");

  private record Pending(NostrEvent event, CompletableFuture<Relay.Verdict> verdict) {}

  @Inject Relay relay;
  @Inject RelayAdmission admission;
  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);

  /**
   * One writer: the larger its batches, the fewer commits. (A second writer, tried, split the
   * batches and cost more server CPU per event; bench/README.md, "Relay".)
   */
  private Thread writer;

  @PostConstruct
  void start() {
    writer = threads.newThread(this::write);
    writer.setName("hearth-relay-writer");
    writer.start();
  }

  @PreDestroy
  void stop() {
    writer.interrupt();
  }

  /** The event's verdict, once it is refused or stored. */
  CompletionStage<Relay.Verdict> publish(
      NostrEvent event, Set<String> authenticated, Relay.AuthorBudget budget) {
    // Busy before the admission: an event the relay has no room for neither spends its author's
    // budget nor costs a signature check. (The queue may still fill between this check and the
    // offer below; that rare event is refused with its budget spent.)
    if (queue.remainingCapacity() == 0) {
      return CompletableFuture.completedFuture(BUSY);
    }
    Optional<Relay.Verdict> refusal = admission.refusal(event, authenticated, budget);
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(refusal.get());
    }
    Pending pending = new Pending(event, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      return CompletableFuture.completedFuture(BUSY);
    }
    return pending.verdict();
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(BATCH);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      try {
        store(batch);
      } catch (Throwable e) {
        // Whatever went wrong, the writer goes on: were it to end, no event would be stored again.
        LOG.log(System.Logger.Level.ERROR, "relay: storing a batch failed", e);
        batch.forEach(pending -> pending.verdict().complete(NOT_STORED));
      }
      batch.clear();
    }
  }

  private void store(List<Pending> batch) {
    List<Relay.Verdict> verdicts;
    try {
      verdicts = relay.storeAdmitted(batch.stream().map(Pending::event).toList());
    } catch (RuntimeException e) {
      if (batch.size() > 1) {
        batch.forEach(one -> store(List.of(one)));
      } else {
        LOG.log(System.Logger.Level.ERROR, "relay: storing an event failed", e);
        batch.get(0).verdict().complete(NOT_STORED);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).verdict().complete(verdicts.get(i));
    }
  }
}
