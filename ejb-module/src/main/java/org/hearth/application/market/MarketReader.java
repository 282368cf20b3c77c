package org.hearth.application.market;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.application.node.NodeSettings;
import org.hearth.application.node.UptimeCalculator;
import org.hearth.application.scheduling.NodeSnapshot;
import org.hearth.domain.node.Gpu;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;

/** Reads every node into marketplace entries, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MarketReader {

  @Inject NodeRepository nodes;
  @Inject NodeSettings settings;

  public List<MarketNode> all(Instant now) {
    UptimeCalculator uptime = settings.uptimeCalculator();
    LocalDate from = LocalDate.ofInstant(now.minus(settings.uptimeWindow()), ZoneOffset.UTC);
    Map<String, Long> missed = nodes.missedPerNodeSince(from);
    return nodes.all().stream()
        .map(
            node ->
                entry(
                    node,
                    uptime.percent(node.registeredAt(), now, missed.getOrDefault(node.id(), 0L))))
        .toList();
  }

  static MarketNode entry(Node node, double uptimePercent) {
    return new MarketNode(
        node.id(),
        node.region(),
        Set.copyOf(node.tags()),
        node.description(),
        node.status(),
        node.cores(),
        node.computePoints(),
        node.memoryMib(),
        node.diskGib(),
        node.gpus().stream().map(Gpu::model).toList(),
        node.capacity(),
        node.policy(),
        node.priceList(),
        uptimePercent,
        NodeSnapshot.reputation(uptimePercent, node.totalVmsHosted(), node.successfulCompletions()),
        node.totalVmsHosted(),
        node.successfulCompletions(),
        node.registeredAt());
  }
}
