package org.hearth.domain.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Leases and their charges; every call joins the caller's transaction. */
public interface LeaseStore {

  /** Opens the VM's lease, or opens it again (at a new price and earner) after it was closed. */
  void open(Lease lease);

  /**
   * Closes the VM's lease at {@code at}: no more holds, and a period still open ends there (it is
   * then settled for the time up to {@code at}). Closing a closed lease changes nothing.
   */
  void close(String vmId, Instant at);

  /**
   * Locks and returns open leases held only until {@code until} or earlier: those held least far
   * first, a tenant's together. Leases another transaction has locked are skipped, and so are those
   * of tenants another transaction is billing (unless all are: then they are waited for).
   */
  List<Lease> lockDueForHold(Instant until, int limit);

  /**
   * Inserts charge rows. A period is held at most once: a row that exists already fails the
   * caller's transaction (the lease's row lock rules that out, so it would be a bug, and rolling
   * the batch back is the safe answer).
   */
  void insertCharges(List<Charge> charges);

  /** Moves the held-until instant of each of these (locked) leases on by one period. */
  void extendHeld(Collection<String> vmIds, Duration period);

  /**
   * Locks and returns unsettled charges whose period ended by {@code now}: the earliest ended
   * first, a tenant's together. Charges are skipped as leases are by {@link #lockDueForHold}.
   */
  List<Charge> lockDueForSettlement(Instant now, int limit);

  /** Records settlements; returns the keys of the rows that were still unsettled. */
  Set<String> markSettled(List<Charge> settled, Instant at);

  /** The state changes of each VM, oldest first. */
  Map<String, List<BilledTime.StateChange>> stateChanges(Collection<String> vmIds);

  /** Each node's outages, including the one going on for nodes offline now. */
  Map<String, List<BilledTime.Outage>> outages(Collection<String> nodeIds);

  /**
   * Makes {@code to} the earner of every open lease and unsettled charge earning for {@code from}.
   */
  void reassignEarner(String from, String to);

  /** The summed hourly price of each tenant's open leases. */
  Map<String, Long> openPricePerHour(Collection<String> tenantAccountIds);

  /** The key of a charge row, as {@link #markSettled} returns them. */
  static String key(String vmId, Instant periodStart) {
    return vmId + "@" + periodStart.toEpochMilli();
  }
}
