package org.hearth.interfaces.websocket.relay;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hearth.application.compute.MarketplaceKey;
import org.hearth.application.nostr.RelaySettings;

/**
 * NIP-11: a plain HTTP GET of the relay's URL asking for {@code application/nostr+json} gets the
 * relay's information document, with the limits the relay enforces. (WebSocket upgrades of the same
 * URL never reach this servlet.) Reading never needs NIP-42 authentication, so {@code
 * auth_required} is false; {@code restricted_writes} says whether some writes need it.
 */
@WebServlet("/relay")
public class RelayInformation extends HttpServlet {

  static final String MEDIA_TYPE = "application/nostr+json";

  /** NIPs this relay implements. */
  static final int[] SUPPORTED_NIPS = {1, 9, 11, 40, 42};

  @Inject RelaySettings settings;

  /** Named as the relay's {@code pubkey}: who signs the market's bids and statuses. */
  @Inject MarketplaceKey marketplace;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    cors(res);
    String accept = req.getHeader("Accept");
    if (accept == null || !accept.contains(MEDIA_TYPE)) {
      res.setStatus(426); // Upgrade Required
      res.setHeader("Upgrade", "websocket");
      res.setContentType("text/plain");
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      res.getWriter()
          .write(
              "This is a Nostr relay: connect with a WebSocket, or ask for "
                  + MEDIA_TYPE
                  + " to read its NIP-11 document.\n");
      return;
    }
    res.setContentType(MEDIA_TYPE);
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write(document());
  }

  @Override
  protected void doOptions(HttpServletRequest req, HttpServletResponse res) {
    cors(res);
    res.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private static void cors(HttpServletResponse res) {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
  }

  private String document() {
    var nips = Json.createArrayBuilder();
    for (int nip : SUPPORTED_NIPS) {
      nips.add(nip);
    }
    JsonObjectBuilder doc =
        Json.createObjectBuilder()
            .add("name", settings.name())
            .add("description", settings.description())
            .add("version", "1")
            .add("pubkey", marketplace.publicKeyHex())
            .add("supported_nips", nips)
            .add(
                "limitation",
                Json.createObjectBuilder()
                    .add("max_message_length", settings.maxMessageBytes())
                    .add("max_subscriptions", settings.maxSubscriptions())
                    .add("max_filters", settings.maxFilters())
                    .add("max_limit", settings.maxLimit())
                    .add("max_subid_length", settings.maxSubidLength())
                    .add("created_at_upper_limit", settings.createdAtFuture().toSeconds())
                    .add("auth_required", false)
                    .add("payment_required", false)
                    .add("restricted_writes", settings.writesRestricted()));
    settings.contact().ifPresent(c -> doc.add("contact", c));
    return doc.build().toString();
  }
}
