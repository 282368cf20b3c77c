package org.hearth.interfaces.rest.market;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.BillingQueries;
import org.hearth.application.market.Marketplace;
import org.hearth.application.node.NodeRegistry;
import org.hearth.domain.billing.BillingReports;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** The nodes the caller operates, each with its page and what it earned. */
@Path("operator/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Operator")
public class OperatorNodesResource {

  @Inject NodeRegistry registry;
  @Inject Marketplace marketplace;
  @Inject BillingQueries billing;
  @Context SecurityContext security;

  @GET
  @Operation(
      summary = "My nodes",
      description =
          "Each node I claimed, as on its marketplace page (uptime per day, VMs hosted,"
              + " completions, reputation), with what it earned over the last 30 UTC days.")
  public List<OperatedNode> mine() {
    String account = ((Caller) security.getUserPrincipal()).accountId();
    Map<String, Long> earned =
        billing.earnings(account).stream()
            .collect(
                Collectors.groupingBy(
                    BillingReports.NodeDay::nodeId,
                    Collectors.summingLong(BillingReports.NodeDay::earned)));
    Instant now = Instant.now();
    return registry.operatedBy(account).stream()
        .map(
            view -> {
              OperatedNode node = new OperatedNode();
              NodeDetail.fill(node, marketplace.page(view.node().id(), null), now);
              node.earned30Days = earned.getOrDefault(view.node().id(), 0L);
              return node;
            })
        .toList();
  }

  /** A node I operate. */
  public static class OperatedNode extends NodeDetail {
    public long earned30Days;
  }
}
