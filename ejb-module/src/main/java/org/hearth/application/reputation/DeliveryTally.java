package org.hearth.application.reputation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hearth.domain.billing.BillingReports;
import org.hearth.domain.billing.BillingReports.NodeDelivery;

/**
 * Per node, its settled periods of the reputation window and how many of them an outage of the node
 * cut into: how reliably it delivered what it was paid for.
 *
 * <p>Counted per node and day (UTC) of period start, and kept: each look adds what was settled
 * since the last, so that it reads minutes of settlements rather than the window's 30 days of them
 * (at 100,000 leases and 10-minute periods, 430 million rows a minute; bench/README.md, "Billing
 * cycle"). The window is therefore counted from the start of the day it starts in.
 *
 * <p>A settlement batch stamps its time, then commits. Settlements stamped in the last {@link
 * #LATE_COMMITS} may still be committing, so they are counted afresh at each look and kept only
 * once they are older: each period is kept exactly once, provided a batch commits within that time
 * of stamping (and servers' clocks agree to within it).
 */
@ApplicationScoped
public class DeliveryTally {

  static final Duration LATE_COMMITS = Duration.ofMinutes(1);

  /** A node's settled periods, and those interrupted by an outage. */
  public record Delivery(long periods, long interrupted) {
    static final Delivery NONE = new Delivery(0, 0);

    Delivery plus(Delivery other) {
      return new Delivery(periods + other.periods, interrupted + other.interrupted);
    }
  }

  @Inject BillingReports billing;

  /** The periods settled up to {@link #keptUntil}, per node and day of period start. */
  private final Map<String, NavigableMap<LocalDate, Delivery>> kept = new HashMap<>();

  private Instant keptUntil = Instant.EPOCH;

  /** Each node's delivery at {@code now} over the periods starting from {@code since}'s day. */
  public synchronized Map<String, Delivery> at(Instant now, Instant since) {
    LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
    Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant settled = now.minus(LATE_COMMITS);
    if (settled.isAfter(keptUntil)) {
      for (NodeDelivery day : billing.deliveryPerNodeAndDay(keptUntil, settled, from)) {
        kept.computeIfAbsent(day.nodeId(), n -> new TreeMap<>())
            .merge(day.day(), new Delivery(day.periods(), day.interrupted()), Delivery::plus);
      }
      keptUntil = settled;
    }
    kept.values().forEach(days -> days.headMap(firstDay).clear());
    kept.values().removeIf(Map::isEmpty);
    Map<String, Delivery> delivery = new HashMap<>();
    kept.forEach(
        (node, days) ->
            delivery.put(node, days.values().stream().reduce(Delivery.NONE, Delivery::plus)));
    // Stamped after keptUntil: committed or not yet (and a server's clock may run a little ahead).
    List<NodeDelivery> recent =
        billing.deliveryPerNodeAndDay(keptUntil, now.plus(LATE_COMMITS), from);
    for (NodeDelivery day : recent) {
      delivery.merge(day.nodeId(), new Delivery(day.periods(), day.interrupted()), Delivery::plus);
    }
    return delivery;
  }
}
