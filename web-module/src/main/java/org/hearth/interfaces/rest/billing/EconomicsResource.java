package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.BillingQueries;
import org.hearth.interfaces.rest.security.AdminOnly;
import org.hearth.interfaces.rest.security.Authenticated;

/** The platform's books, for admins. */
@Path("admin/economics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@AdminOnly
@Tag(name = "Admin")
public class EconomicsResource {

  @Inject BillingQueries billing;
  @Inject org.hearth.application.settlement.Settlement settlement;

  @GET
  @Operation(
      summary = "Revenue, fees, payouts, liabilities and whether the books balance",
      description =
          "Integers in the asset's smallest unit; `daily` covers the last 30 UTC days."
              + " `booksBalance` is true while all ledger accounts sum to zero.")
  public Economics get() {
    Economics r = Economics.of(billing.economics());
    var h = settlement.holdings();
    r.chain = new Chain();
    r.chain.enabled = h.enabled();
    r.chain.holdings = h.holdings();
    r.chain.expected = h.expected();
    r.chain.consistent = h.consistent();
    return r;
  }

  /** The books as JSON. */
  public static class Economics {
    public long revenue;
    public long platformFees;
    public long payouts;
    public long payoutsInFlight;
    public long tenantAvailable;
    public long tenantHeld;
    public long operatorEarned;
    public long unclaimedDeposits;
    public long liabilities;
    public long deposits;
    public long adminCredits;
    public long ledgerSum;
    public boolean booksBalance;
    public List<Day> daily;
    public Chain chain;

    static Economics of(BillingQueries.Economics e) {
      Economics r = new Economics();
      r.revenue = e.revenue().amount();
      r.platformFees = e.platformFees().amount();
      r.payouts = e.payouts().amount();
      r.payoutsInFlight = e.payoutsInFlight().amount();
      r.tenantAvailable = e.tenantAvailable().amount();
      r.tenantHeld = e.tenantHeld().amount();
      r.operatorEarned = e.operatorEarned().amount();
      r.unclaimedDeposits = e.unclaimedDeposits().amount();
      r.liabilities =
          e.tenantAvailable()
              .plus(e.tenantHeld())
              .plus(e.operatorEarned())
              .plus(e.payoutsInFlight())
              .plus(e.unclaimedDeposits())
              .amount();
      r.deposits = e.deposits().amount();
      r.adminCredits = e.adminCredits().amount();
      r.ledgerSum = e.ledgerSum().amount();
      r.booksBalance = e.booksBalance();
      r.daily =
          e.daily().stream()
              .map(
                  d -> {
                    Day day = new Day();
                    day.day = d.day();
                    day.charged = d.charged();
                    day.fees = d.fees();
                    return day;
                  })
              .toList();
      return r;
    }
  }

  /**
   * The platform wallet's token balance ({@code null} while the RPC node is down) and whether it
   * covers deposits − confirmed payouts − payouts in flight.
   */
  public static class Chain {
    public boolean enabled;
    public Long holdings;
    public long expected;
    public boolean consistent;
  }

  /** One UTC day's charges and fees. */
  public static class Day {
    public LocalDate day;
    public long charged;
    public long fees;
  }
}
