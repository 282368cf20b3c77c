package org.hearth.domain.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read-only reports over charges: per VM, per node and day, per day. */
public interface BillingReports {

  /** The VM's billing periods, newest first, at most {@code limit}. */
  List<Charge> chargesOf(String vmId, int limit);

  /** What an earner's nodes earned per day (charged less fees) since {@code since}. */
  List<NodeDay> earningsByNodeAndDay(String earner, Instant since);

  /** Charges and fees of settled periods per day since {@code since}. */
  List<Day> revenueByDay(Instant since);

  /**
   * Per node and day (UTC) of period start: the periods starting at {@code periodsFrom} or later
   * that were settled after {@code settledAfter} and by {@code settledBy}, and how many of them an
   * outage of the node cut into (one that ended, or the node's current one).
   */
  List<NodeDelivery> deliveryPerNodeAndDay(
      Instant settledAfter, Instant settledBy, Instant periodsFrom);

  /** Settled periods of one node that started on one day, and those an outage cut into. */
  record NodeDelivery(String nodeId, LocalDate day, long periods, long interrupted) {}

  /** One node's earnings on one day (UTC). */
  record NodeDay(String nodeId, LocalDate day, long earned, long periods) {}

  /** Totals of one day (UTC). */
  record Day(LocalDate day, long charged, long fees) {}
}
