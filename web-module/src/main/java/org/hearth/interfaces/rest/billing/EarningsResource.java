package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.Balances;
import org.hearth.application.billing.BillingQueries;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** What the caller's nodes earned. */
@Path("operator/earnings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Operator", description = "Earnings and payouts of the nodes I operate")
public class EarningsResource {

  @Inject BillingQueries billing;
  @Inject Balances balances;
  @Inject org.hearth.application.settlement.Settlement settlement;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "My earnings per node and day (last 30 UTC days), and my balances as operator",
      description =
          "Earned is what tenants paid for VMs on my nodes less the platform fee, including what a"
              + " node earned before I claimed it.")
  public Earnings get() {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    Balances.Of of = balances.of(account);
    Earnings r = new Earnings();
    r.earned = of.earned().amount();
    r.paying = of.paying().amount();
    r.paid = of.paid().amount();
    r.days =
        billing.earnings(account).stream()
            .map(
                d -> {
                  NodeDay day = new NodeDay();
                  day.nodeId = d.nodeId();
                  day.day = d.day();
                  day.earned = d.earned();
                  day.periods = d.periods();
                  return day;
                })
            .toList();
    r.payouts =
        settlement.payoutsOf(account).stream()
            .map(
                p -> {
                  PayoutView v = new PayoutView();
                  v.id = p.id();
                  v.amount = p.amount();
                  v.address = p.address();
                  v.state = p.state().name();
                  v.txHash = p.txHash();
                  v.createdAt = p.createdAt();
                  return v;
                })
            .toList();
    return r;
  }

  /** One payout to the chain; txHash once SUBMITTED. */
  public static class PayoutView {
    public String id;
    public long amount;
    public String address;
    public String state;
    public String txHash;
    public java.time.Instant createdAt;
  }

  /** Balances as operator, and the earnings per node and day. */
  public static class Earnings {
    public long earned;
    public long paying;
    public long paid;
    public List<NodeDay> days;
    public List<PayoutView> payouts;
  }

  /** One node's earnings on one UTC day, over that many billing periods. */
  public static class NodeDay {
    public String nodeId;
    public LocalDate day;
    public long earned;
    public long periods;
  }
}
