package org.hearth.interfaces.rest.pricing;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.scheduling.Quotes;
import org.hearth.domain.vm.VmRequest;

/**
 * Price quotes, open to everyone (no sign-in): what a VM spec costs per hour and per billing
 * period, part by part. Like every POST it counts against the caller's address's write budget.
 */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pricing", description = "What a VM costs, on a node or on the cheapest nodes")
public class QuoteResource {

  @Inject Quotes quotes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Price a VM spec",
      description =
          "The body is a VM spec as in POST /api/vms (vcpus, memoryMiB, diskGiB, gpus, tier,"
              + " optional region, tags, maxPricePerHour, command), plus optional nodeId and limit."
              + " With nodeId: that node's price breakdown and whether it could host the VM now"
              + " (canHostNow, reason); 404 for an unknown node. Without: the `limit` (default 5,"
              + " at most 50) cheapest online nodes that could host it now, cheapest first, by"
              + " the scheduler's own rules; an empty list comes with an explanation.")
  public QuoteResponse quote(
      @NotNull(message = "a JSON body is required") @Valid QuoteRequest body) {
    VmRequest spec = body.toSpec();
    Quotes.Result result =
        body.nodeId != null ? quotes.onNode(spec, body.nodeId) : quotes.cheapest(spec, body.limit);
    return QuoteResponse.of(result);
  }
}
