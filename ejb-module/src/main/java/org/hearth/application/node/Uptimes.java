package org.hearth.application.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;

/** Uptime percentages of many nodes at once, from one query of their missed heartbeats. */
@ApplicationScoped
public class Uptimes {

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;

  /** Each node's uptime percent over the uptime window ending {@code now}; in a transaction. */
  public ToDoubleFunction<Node> at(Instant now) {
    UptimeCalculator uptime = settings.uptimeCalculator();
    LocalDate from = LocalDate.ofInstant(now.minus(settings.uptimeWindow()), ZoneOffset.UTC);
    Map<String, Long> missed = nodes.missedPerNodeSince(from);
    return node -> uptime.percent(node.registeredAt(), now, missed.getOrDefault(node.id(), 0L));
  }
}
