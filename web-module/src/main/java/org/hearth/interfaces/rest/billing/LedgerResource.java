package org.hearth.interfaces.rest.billing;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.application.billing.Balances;
import org.hearth.interfaces.rest.problem.ProblemException;
import org.hearth.interfaces.rest.problem.ProblemType;
import org.hearth.interfaces.rest.security.Authenticated;
import org.hearth.interfaces.rest.security.Caller;

/** The caller's ledger entries, as JSON or CSV. */
@Path("account/ledger")
@Authenticated
@Tag(name = "Billing")
public class LedgerResource {

  static final String CSV = "text/csv";

  @Inject Balances balances;
  @Context SecurityContext security;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "My ledger entries",
      description =
          "Entries of my accounts in [from, to) (ISO-8601 instants; default: the last 30 days),"
              + " oldest first. When there are more than `limit` (default 1000, at most 10000),"
              + " the newest are given: `truncated` is true, `from` says where they begin, and a"
              + " `Link` header (rel=\"prev\") asks for the entries before. `format=csv` (or"
              + " Accept: text/csv) exports them as CSV (with the same header).")
  public Response entries(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit")
          @DefaultValue("1000")
          @Pattern(regexp = "10000|[1-9][0-9]{0,3}", message = "must be 1 to 10000")
          String limit,
      @QueryParam("format") String format,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Instant until = instant("to", to, Instant.now());
    Instant since = instant("from", from, until.minusSeconds(30L * 24 * 3600));
    if (!since.isBefore(until)) {
      throw new ProblemException(ProblemType.INVALID_FIELD, "from: must be before to");
    }
    Balances.Page page =
        balances.entries(
            ((Caller) security.getUserPrincipal()).accountId(),
            since,
            until,
            Integer.parseInt(limit));
    Response.ResponseBuilder response =
        wantsCsv(format, headers)
            ? Response.ok(LedgerCsv.of(page.entries()), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"hearth-ledger.csv\"")
            : Response.ok(LedgerResponse.of(page, until), MediaType.APPLICATION_JSON);
    if (page.truncated()) {
      response.link(
          uri.getRequestUriBuilder()
              .replaceQueryParam("from", since)
              .replaceQueryParam("to", page.from())
              .build(),
          "prev");
    }
    return response.build();
  }

  private static boolean wantsCsv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new ProblemException(ProblemType.INVALID_FIELD, "format: csv or json");
      };
    }
    return headers.getAcceptableMediaTypes().stream()
        .findFirst()
        .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())
        .orElse(false);
  }

  private static Instant instant(String name, String value, Instant otherwise) {
    if (value == null) {
      return otherwise;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          ProblemType.INVALID_FIELD,
          name + ": must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
