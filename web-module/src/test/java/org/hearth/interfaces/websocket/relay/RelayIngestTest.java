package org.hearth.interfaces.websocket.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.application.nostr.Relay;
import org.hearth.application.nostr.RelayAdmission;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit's own logic, with the relay's storage replaced by a recording stand-in. */
class RelayIngestTest {

  private static final EventSigner SIGNER = new EventSigner(NostrKeyPair.generate());

  /** Stores every event, records each batch; blocks the first batch until released. */
  private static final class RecordingRelay extends Relay {
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile String failingContent;

    @Override
    public List<Verdict> storeAdmitted(List<NostrEvent> events) {
      batches.add(events.stream().map(NostrEvent::content).toList());
      firstBatchStarted.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (events.stream().anyMatch(e -> e.content().equals(failingContent))) {
        throw new IllegalStateException("the database refused " + failingContent);
      }
      return events.stream().map(e -> new Verdict(true, "stored " + e.content())).toList();
    }
  }

  private final RecordingRelay relay = new RecordingRelay();
  private final RelayIngest ingest = new RelayIngest();

  RelayIngestTest() {
    ingest.relay = relay;
    ingest.admission =
        new RelayAdmission() {
          @Override
          public Optional<Relay.Verdict> refusal(
              NostrEvent event, Set<String> authenticated, Relay.AuthorBudget budget) {
            return event.content().startsWith("bad")
                ? Optional.of(new Relay.Verdict(false, "invalid: " + event.content()))
                : budget.take(event.pubkey()).map(why -> new Relay.Verdict(false, why));
          }
        };
    ingest.threads = new PlainThreads();
    ingest.start();
  }

  @AfterEach
  void stop() {
    relay.release.countDown();
    ingest.stop();
  }

  private CompletableFuture<Relay.Verdict> publish(String content) {
    NostrEvent event = SIGNER.sign(1, List.of(), content, Instant.now());
    return ingest.publish(event, Set.of(), Relay.AuthorBudget.UNLIMITED).toCompletableFuture();
  }

  @Test
  void eventsThatArriveWhileABatchIsStoredGoTogetherInTheNext() throws Exception {
    CompletableFuture<Relay.Verdict> first = publish("e0");
    assertTrue(relay.firstBatchStarted.await(10, TimeUnit.SECONDS));
    List<CompletableFuture<Relay.Verdict>> waiting = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      waiting.add(publish("e" + i));
    }
    assertFalse(waiting.get(0).isDone(), "no OK before the event is stored");
    relay.release.countDown();
    assertEquals("stored e0", first.get(10, TimeUnit.SECONDS).message());
    for (int i = 1; i <= 5; i++) {
      assertEquals("stored e" + i, waiting.get(i - 1).get(10, TimeUnit.SECONDS).message());
    }
    assertEquals(List.of(List.of("e0"), List.of("e1", "e2", "e3", "e4", "e5")), relay.batches);
  }

  @Test
  void aFailedBatchIsStoredAgainOneEventPerTransaction() throws Exception {
    relay.failingContent = "e2";
    publish("e0");
    assertTrue(relay.firstBatchStarted.await(10, TimeUnit.SECONDS));
    List<CompletableFuture<Relay.Verdict>> waiting =
        List.of(publish("e1"), publish("e2"), publish("e3"));
    relay.release.countDown();
    assertEquals("stored e1", waiting.get(0).get(10, TimeUnit.SECONDS).message());
    assertEquals(
        new Relay.Verdict(false, "error: the relay could not store the event"),
        waiting.get(1).get(10, TimeUnit.SECONDS));
    assertEquals("stored e3", waiting.get(2).get(10, TimeUnit.SECONDS).message());
    assertEquals(
        List.of(
            List.of("e0"), List.of("e1", "e2", "e3"), List.of("e1"), List.of("e2"), List.of("e3")),
        relay.batches);
  }

  @Test
  void aRefusedEventIsAnsweredAtOnceAndNeverStored() throws Exception {
    Relay.Verdict verdict = publish("bad signature").get(10, TimeUnit.SECONDS);
    assertEquals(new Relay.Verdict(false, "invalid: bad signature"), verdict);
    assertTrue(relay.batches.isEmpty());
  }

  @Test
  void whenTheQueueIsFullTheRelayIsBusyAndTheAuthorKeepsItsBudget() throws Exception {
    publish("e0");
    assertTrue(relay.firstBatchStarted.await(10, TimeUnit.SECONDS), "the writer is held");
    NostrEvent waiting = SIGNER.sign(1, List.of(), "waiting", Instant.now());
    for (int i = 0; i < RelayIngest.QUEUE; i++) {
      ingest.publish(waiting, Set.of(), Relay.AuthorBudget.UNLIMITED);
    }
    AtomicInteger taken = new AtomicInteger();
    Relay.AuthorBudget budget =
        pubkey -> {
          taken.incrementAndGet();
          return Optional.empty();
        };

    Relay.Verdict verdict =
        ingest
            .publish(SIGNER.sign(1, List.of(), "one more", Instant.now()), Set.of(), budget)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertEquals(
        new Relay.Verdict(false, "rate-limited: the relay is busy, try again shortly"), verdict);
    assertEquals(0, taken.get(), "nothing taken from the author's budget");
  }

  /** Threads as the container's factory makes them, without the container. */
  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
