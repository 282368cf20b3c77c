package org.hearth.application.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.application.reputation.DeliveryTally.Delivery;
import org.hearth.domain.billing.BillingReports;
import org.hearth.domain.billing.Charge;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private record Settled(String node, Instant start, Instant settledAt, boolean interrupted) {}

  /** Settled periods as committed; answers the tally's reads as the SQL does, and counts them. */
  private static final class Settlements implements BillingReports {
    final List<Settled> committed = new ArrayList<>();
    int reads;

    @Override
    public List<NodeDelivery> deliveryPerNodeAndDay(
        Instant settledAfter, Instant settledBy, Instant periodsFrom) {
      reads++;
      return committed.stream()
          .filter(p -> p.settledAt().isAfter(settledAfter) && !p.settledAt().isAfter(settledBy))
          .filter(p -> !p.start().isBefore(periodsFrom))
          .collect(
              Collectors.groupingBy(
                  p -> List.of(p.node(), LocalDate.ofInstant(p.start(), ZoneOffset.UTC))))
          .entrySet()
          .stream()
          .map(
              e ->
                  new NodeDelivery(
                      (String) e.getKey().get(0),
                      (LocalDate) e.getKey().get(1),
                      e.getValue().size(),
                      e.getValue().stream().filter(Settled::interrupted).count()))
          .toList();
    }

    void settle(String node, Instant start, Instant settledAt, boolean interrupted) {
      committed.add(new Settled(node, start, settledAt, interrupted));
    }

    @Override
    public List<Charge> chargesOf(String vmId, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<NodeDay> earningsByNodeAndDay(String earner, Instant since) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Day> revenueByDay(Instant since) {
      throw new UnsupportedOperationException();
    }
  }

  private final Settlements settlements = new Settlements();
  private final DeliveryTally tally = new DeliveryTally();

  {
    tally.billing = settlements;
  }

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private Map<String, Delivery> lookAt(long minutes) {
    return tally.at(at(minutes), at(minutes).minus(Duration.ofDays(30)));
  }

  @Test
  void countsEachNodesSettledAndInterruptedPeriodsIncludingTheLatest() {
    settlements.settle("n1", at(0), at(11), false);
    settlements.settle("n1", at(10), at(21), true);
    settlements.settle("n2", at(0), at(11), false);

    assertEquals(
        Map.of("n1", new Delivery(2, 1), "n2", new Delivery(1, 0)),
        lookAt(21),
        "a settlement of this very moment counts");
  }

  @Test
  void laterLooksCountNothingTwice() {
    settlements.settle("n1", at(0), at(11), false);
    lookAt(12);
    settlements.settle("n1", at(10), at(21), true);

    assertEquals(Map.of("n1", new Delivery(2, 1)), lookAt(22));
    assertEquals(Map.of("n1", new Delivery(2, 1)), lookAt(30));
    assertEquals(Map.of("n1", new Delivery(2, 1)), lookAt(90));
  }

  @Test
  void aSettlementStampedBeforeALookButCommittedAfterItIsCounted() {
    settlements.settle("n1", at(0), at(11), false);
    lookAt(12);
    // Another server's batch stamped its settlement a minute before that look, and committed
    // after it.
    settlements.settle("n1", at(0), at(11).plusSeconds(30), true);

    assertEquals(Map.of("n1", new Delivery(2, 1)), lookAt(13));
    assertEquals(Map.of("n1", new Delivery(2, 1)), lookAt(60));
  }

  @Test
  void periodsOfDaysBeforeTheWindowsFirstDayDropOut() {
    settlements.settle("n1", at(0), at(11), false);
    settlements.settle("n2", at(0), at(11), false);
    settlements.settle("n1", at(24 * 60 * 29), at(24 * 60 * 29 + 11), true);
    assertEquals(2, lookAt(24 * 60 * 29 + 20).size());

    Map<String, Delivery> later = lookAt(24 * 60 * 31);

    assertEquals(Map.of("n1", new Delivery(1, 1)), later);
  }

  @Test
  void aLookReadsOnlyWhatWasSettledSinceTheLastOneIsKept() {
    settlements.settle("n1", at(0), at(11), false);
    lookAt(20);
    int before = settlements.reads;
    settlements.committed.clear(); // what was kept is not read again

    assertEquals(Map.of("n1", new Delivery(1, 0)), lookAt(21));
    assertEquals(before + 2, settlements.reads, "the minute since, and what is still recent");
  }
}
