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

  /** One node's earnings on one day (UTC). */
  record NodeDay(String nodeId, LocalDate day, long earned, long periods) {}

  /** Totals of one day (UTC). */
  record Day(LocalDate day, long charged, long fees) {}
}
