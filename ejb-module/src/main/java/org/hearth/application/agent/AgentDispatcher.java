package org.hearth.application.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Delivers {@link AgentCommand}s after their transaction committed, never before or on rollback.
 */
@ApplicationScoped
public class AgentDispatcher {

  private static final System.Logger LOG = System.getLogger(AgentDispatcher.class.getName());

  @Inject AgentGateway gateway;

  void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentCommand command) {
    if (!gateway.send(command.nodeId(), command.message())) {
      LOG.log(
          System.Logger.Level.INFO,
          "node {0}: agent not connected here; {1} waits for its next inventory",
          command.nodeId(),
          command.message().getClass().getSimpleName());
    }
  }
}
