package org.hearth.interfaces.rest.nostr;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.infrastructure.nostr.ExternalRelays;
import org.hearth.infrastructure.nostr.RelayLink;

/** The external relays the market publishes on and reads from, and how each is doing. */
@Path("nostr/relays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nostr", description = "The compute market on Nostr relays")
public class NostrRelaysResource {

  @Inject ExternalRelays relays;

  @GET
  @Operation(
      summary = "External relays and their health",
      description =
          "Each relay of hearth.nostr.relays: connected or not (and since when), the last error,"
              + " events waiting for its OK, dropped, sent, accepted and refused by it, and"
              + " events received from it.")
  public List<RelayLink.Health> health() {
    return relays.health();
  }
}
