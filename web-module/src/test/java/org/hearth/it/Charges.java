package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A VM's billing periods as the API shows them, and the rules every settled one obeys. */
final class Charges {

  /** The platform fee of the integration tests' server (the default). */
  static final long FEE_BPS = 500;

  private Charges() {}

  /** One billing period. */
  record Period(
      Instant start,
      Instant end,
      long price,
      long held,
      boolean settled,
      long billed,
      long charged,
      long fee) {

    long seconds() {
      return Duration.between(start, end).toSeconds();
    }
  }

  /** The VM's periods, oldest first. */
  static List<Period> of(Tenant tenant, String vmId) {
    HearthApi.Reply reply = tenant.get("api/vms/" + vmId + "/charges");
    if (reply.status() != 200) {
      throw new AssertionError("the charges of VM " + vmId + " could not be read: " + reply);
    }
    List<Period> periods = new ArrayList<>();
    for (JsonNode c : reply.json()) {
      periods.add(
          new Period(
              Instant.parse(c.get("periodStart").asText()),
              Instant.parse(c.get("periodEnd").asText()),
              c.get("pricePerHour").asLong(),
              c.get("held").asLong(),
              c.get("settled").asBoolean(),
              c.path("billedSeconds").asLong(),
              c.path("charged").asLong(),
              c.path("fee").asLong()));
    }
    periods.sort(Comparator.comparing(Period::start));
    return periods;
  }

  /** Waits until a period of the VM is settled (see {@link #settled} on how long that may take). */
  static void awaitAnySettled(Tenant tenant, String vmId) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)
        && of(tenant, vmId).stream().noneMatch(Period::settled)) {
      Thread.sleep(500);
    }
    assertTrue(of(tenant, vmId).stream().anyMatch(Period::settled), "a period settled");
  }

  /** Waits until every period of the (ended) VM is settled, and returns them. */
  static List<Period> settled(Tenant tenant, String vmId) throws InterruptedException {
    // A server settles nothing in its first minute (the suite's startup grace, see BillingTimer):
    // after a restart, the last periods wait for that.
    Instant deadline = Instant.now().plusSeconds(120);
    List<Period> periods = of(tenant, vmId);
    while (Instant.now().isBefore(deadline)
        && (periods.isEmpty() || !periods.stream().allMatch(Period::settled))) {
      Thread.sleep(500);
      periods = of(tenant, vmId);
    }
    assertTrue(periods.stream().allMatch(Period::settled), "all settled: " + periods);
    return periods;
  }

  /**
   * Each charge is the hourly price for the seconds billed, rounded up, at most the hold; each fee
   * is its share, rounded down; no more seconds are billed than the period has.
   */
  static void assertExact(List<Period> periods) {
    for (Period p : periods) {
      long due = ceilDiv(p.price() * p.billed(), 3600);
      assertEquals(Math.min(due, p.held()), p.charged(), "charge of " + p);
      assertEquals(p.charged() * FEE_BPS / 10_000, p.fee(), "fee of " + p);
      assertTrue(p.billed() <= p.seconds(), "billed within the period: " + p);
    }
  }

  /**
   * Each period starts where the last ended: none skipped, none billed twice. A period held in
   * advance that had not begun when the lease closed is empty, and nothing follows it.
   */
  static void assertContiguous(List<Period> periods) {
    List<Period> used = periods.stream().filter(p -> p.end().isAfter(p.start())).toList();
    for (int i = 1; i < used.size(); i++) {
      assertEquals(used.get(i - 1).end(), used.get(i).start(), "contiguous: " + periods);
    }
    periods.stream()
        .filter(p -> !p.end().isAfter(p.start()))
        .forEach(p -> assertEquals(0, p.charged(), "an empty period costs nothing: " + p));
  }

  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  static long sum(List<Period> periods, java.util.function.ToLongFunction<Period> field) {
    return periods.stream().mapToLong(field).sum();
  }
}
