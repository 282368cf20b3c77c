package org.hearth.domain.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read-only reports over charges: per VM, per node and day, per day. */
public interface BillingReports {

  /** The VM's billing periods, newest first, at most {@code limit}. */
  List<Charge> chargesOf(String vmId, int limit);

  /** What an earner's nodes earned per day (charged less fees) since {@code since}. */
  List<NodeDay> earningsByNodeAndDay(String earner, Instant since);

  /** Charges and fees of settled periods per day since {@code since}. */
  List<Day> revenueByDay(Instant since);

  /**
   * Per node, its settled periods since {@code since} and how many of them an outage of the node
   * cut into: how reliably it delivered what it was paid for.
   */
  Map<String, Delivery> deliveryPerNode(Instant since);

  /** A node's settled periods, and those interrupted by an outage. */
  record Delivery(long periods, long interrupted) {}

  /** One node's earnings on one day (UTC). */
  record NodeDay(String nodeId, LocalDate day, long earned, long periods) {}

  /** Totals of one day (UTC). */
  record Day(LocalDate day, long charged, long fees) {}
}
