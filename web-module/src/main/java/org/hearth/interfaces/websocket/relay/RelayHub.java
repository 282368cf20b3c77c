package org.hearth.interfaces.websocket.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.application.nostr.EventAccepted;
import org.hearth.application.nostr.EventStoredElsewhere;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * The relay's open connections; events accepted here, or stored by another server of the cluster,
 * go live to every matching subscription.
 */
@ApplicationScoped
public class RelayHub {

  private final Set<RelayConnection> connections = ConcurrentHashMap.newKeySet();

  /**
   * Drains the connections' outboxes. A pool of the relay's own rather than the {@code
   * ManagedExecutorService}, which captures the thread context (a service-loader scan) for every
   * task; its threads come from the container's factory, so they carry the application's context.
   */
  private static final int DRAIN_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  @Resource ManagedThreadFactory threads;

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor = Executors.newFixedThreadPool(DRAIN_THREADS, threads);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  Executor executor() {
    return executor;
  }

  void add(RelayConnection connection) {
    connections.add(connection);
  }

  void remove(RelayConnection connection) {
    connections.remove(connection);
  }

  void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventAccepted accepted) {
    deliver(accepted.event(), accepted.json());
  }

  void onStoredElsewhere(@Observes EventStoredElsewhere stored) {
    deliver(stored.event(), stored.json());
  }

  private void deliver(NostrEvent event, String json) {
    for (RelayConnection connection : connections) {
      connection.deliver(event, json);
    }
  }
}
