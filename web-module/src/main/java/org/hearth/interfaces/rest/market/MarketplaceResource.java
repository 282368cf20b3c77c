package org.hearth.interfaces.rest.market;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.market.MarketQuery;
import org.hearth.application.market.MarketSearch;
import org.hearth.application.market.Marketplace;
import org.hearth.domain.node.Demand;
import org.hearth.protocol.compute.Tier;

/** The public node marketplace. */
@Path("marketplace/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace", description = "Find nodes by capacity, price, region and trust")
public class MarketplaceResource {

  private static final String WHOLE = "\\d{1,12}";
  private static final String WHOLE_MESSAGE = "must be a whole number";
  private static final String NODE_ID = "[0-9a-f]{64}";

  @Inject Marketplace marketplace;

  @GET
  @Operation(
      summary = "Search nodes",
      description =
          "Filters (all optional): tags (comma-separated, all required), region, maxPrice (per"
              + " point-hour), minUptime (percent), minPoints, gpu (`true` for any GPU, else a"
              + " model to look for), online (true/false), and fits.vcpus / fits.memoryMiB /"
              + " fits.diskGiB / fits.gpus / fits.tier: only online nodes that can host that VM"
              + " now under the tier's overcommit. sort: reputation (default), uptime, price,"
              + " capacity. Listings may lag changes by hearth.market.refresh.")
  public SearchResponse search(
      @QueryParam("tags")
          @Pattern(
              regexp = "[^,]{1,64}(,[^,]{1,64}){0,19}",
              message = "must be up to 20 comma-separated tags")
          String tags,
      @QueryParam("region") @Pattern(regexp = ".{1,64}", message = "must be 1 to 64 characters")
          String region,
      @QueryParam("maxPrice") @Pattern(regexp = WHOLE, message = WHOLE_MESSAGE) String maxPrice,
      @QueryParam("minUptime")
          @Pattern(regexp = "\\d{1,3}(\\.\\d{1,2})?", message = "must be a percentage")
          String minUptime,
      @QueryParam("minPoints") @Pattern(regexp = WHOLE, message = WHOLE_MESSAGE) String minPoints,
      @QueryParam("gpu") @Pattern(regexp = ".{1,64}", message = "must be true or a GPU model")
          String gpu,
      @QueryParam("online") @Pattern(regexp = "true|false", message = "must be true or false")
          String online,
      @QueryParam("fits.vcpus") @Pattern(regexp = "[1-9]\\d{0,3}", message = "must be 1 to 9999")
          String fitsVcpus,
      @QueryParam("fits.memoryMiB") @Pattern(regexp = WHOLE, message = WHOLE_MESSAGE)
          String fitsMemory,
      @QueryParam("fits.diskGiB") @Pattern(regexp = WHOLE, message = WHOLE_MESSAGE) String fitsDisk,
      @QueryParam("fits.gpus") @Pattern(regexp = "\\d{1,3}", message = "must be 0 to 999")
          String fitsGpus,
      @QueryParam("fits.tier")
          @Pattern(
              regexp = "GUARANTEED|STANDARD|BALANCED|BURSTABLE",
              message = "must be GUARANTEED, STANDARD, BALANCED or BURSTABLE")
          String fitsTier,
      @QueryParam("sort")
          @DefaultValue("reputation")
          @Pattern(
              regexp = "reputation|uptime|price|capacity",
              message = "must be reputation, uptime, price or capacity")
          String sort,
      @QueryParam("page")
          @DefaultValue("0")
          @Pattern(regexp = "\\d{1,6}", message = "must be 0 to 999999")
          String page,
      @QueryParam("size")
          @DefaultValue("20")
          @Pattern(regexp = "100|[1-9][0-9]?", message = "must be 1 to 100")
          String size) {
    boolean gpuRequired = gpu != null && !gpu.equals("false");
    MarketQuery query =
        new MarketQuery(
            tags == null
                ? Set.of()
                : Arrays.stream(tags.split(",")).map(String::trim).collect(Collectors.toSet()),
            region,
            maxPrice == null ? null : Long.parseLong(maxPrice),
            minUptime == null ? null : Double.parseDouble(minUptime),
            minPoints == null ? null : Long.parseLong(minPoints),
            gpuRequired,
            gpuRequired && !gpu.equals("true") ? gpu : null,
            online == null ? null : Boolean.parseBoolean(online),
            fit(fitsVcpus, fitsMemory, fitsDisk, fitsGpus, fitsTier),
            MarketQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT)),
            Integer.parseInt(page),
            Integer.parseInt(size));
    MarketSearch.Page found = marketplace.search(query);
    Instant now = Instant.now();
    SearchResponse response = new SearchResponse();
    response.items = found.items().stream().map(n -> NodeCard.of(n, now)).toList();
    response.page = found.page();
    response.size = found.size();
    response.total = found.total();
    return response;
  }

  @GET
  @Path("featured")
  @Operation(summary = "The top 10 online nodes with at least 95% uptime, by reputation")
  public List<NodeCard> featured() {
    Instant now = Instant.now();
    return marketplace.featured().stream().map(n -> NodeCard.of(n, now)).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "A node's page",
      description =
          "Hardware, free capacity, price, policy summary, reputation explained, reviews, uptime"
              + " per UTC day for 30 days, VMs hosted, completions and badges; read fresh. With"
              + " viewer (a Nostr public key, hex), the social trust in the reputation is seen"
              + " from that key's follows; without, it is the damped global trust.")
  public NodeDetail get(
      @PathParam("id") @Pattern(regexp = NODE_ID, message = "must be a node id (64 hex digits)")
          String id,
      @QueryParam("viewer")
          @Pattern(regexp = "[0-9a-f]{64}", message = "must be a Nostr public key (64 hex digits)")
          String viewer) {
    return NodeDetail.of(marketplace.page(id, viewer), Instant.now());
  }

  private static MarketQuery.Fit fit(
      String vcpus, String memory, String disk, String gpus, String tier) {
    if (vcpus == null && memory == null && disk == null && gpus == null && tier == null) {
      return null;
    }
    Tier t = tier == null ? Tier.STANDARD : Tier.valueOf(tier);
    int v = vcpus == null ? 1 : Integer.parseInt(vcpus);
    return new MarketQuery.Fit(
        t,
        new Demand(
            t.coreShares(v),
            memory == null ? 0 : Long.parseLong(memory),
            disk == null ? 0 : Long.parseLong(disk),
            gpus == null ? 0 : Integer.parseInt(gpus)));
  }

  /** A page of cards. */
  public static class SearchResponse {
    public List<NodeCard> items;
    public int page;
    public int size;
    public long total;
  }
}
