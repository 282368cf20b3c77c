package org.hearth.interfaces.websocket.relay;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
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

  @Resource ManagedExecutorService executor;

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
