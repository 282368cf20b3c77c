package org.hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** When a VM entered each state, from the {@code history} of {@code GET /api/vms/{id}}. */
final class StateHistory {
  private final Map<String, Instant> entered;

  private StateHistory(Map<String, Instant> entered) {
    this.entered = entered;
  }

  /** The first entry into each state; a restarted VM enters some states more than once. */
  static StateHistory of(JsonNode vm) {
    Map<String, Instant> entered = new HashMap<>();
    for (JsonNode transition : vm.path("history")) {
      entered.putIfAbsent(
          transition.path("to").asText(), Instant.parse(transition.path("at").asText()));
    }
    return new StateHistory(entered);
  }

  /**
   * @throws IllegalStateException when the VM never entered {@code state}
   */
  Instant at(String state) {
    Instant at = entered.get(state);
    if (at == null) {
      throw new IllegalStateException("the history has no " + state + ": " + entered);
    }
    return at;
  }

  Duration between(String from, String to) {
    return Duration.between(at(from), at(to));
  }
}
