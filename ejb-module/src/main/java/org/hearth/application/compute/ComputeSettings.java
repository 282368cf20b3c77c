package org.hearth.application.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the compute market over Nostr ({@code hearth.compute.*}). */
@ApplicationScoped
public class ComputeSettings {

  @Inject
  @ConfigProperty(name = "hearth.compute.max-bids", defaultValue = "5")
  int maxBids;

  @Inject
  @ConfigProperty(name = "hearth.compute.status-interval", defaultValue = "PT5S")
  Duration statusInterval;

  @Inject
  @ConfigProperty(name = "hearth.compute.unanswered-window", defaultValue = "PT1H")
  Duration unansweredWindow;

  @Inject
  @ConfigProperty(name = "hearth.compute.review-catch-up", defaultValue = "P7D")
  Duration reviewCatchUp;

  @Inject
  @ConfigProperty(name = "hearth.compute.secret-key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "hearth.public-url")
  Optional<String> publicUrl;

  /** Bids per job request at most, one per node. */
  public int maxBids() {
    return maxBids;
  }

  /** How often the states of jobs' VMs are checked and new ones published. */
  public Duration statusInterval() {
    return statusInterval;
  }

  /**
   * How far back a starting server looks for job requests and acceptances that were stored but
   * never answered (the server stopped before it acted on them).
   */
  public Duration unansweredWindow() {
    return unansweredWindow;
  }

  /**
   * How far back a starting server makes sure every review has its event on the relay: a review is
   * never too old to publish, so this is as long as a server may have been down.
   */
  public Duration reviewCatchUp() {
    return reviewCatchUp;
  }

  /**
   * The marketplace's Nostr secret key (hex), if set; else one is made and kept in the database.
   */
  public Optional<String> secretKey() {
    return secretKey;
  }

  /** Where the marketplace's HTTP API is, for links in statuses; empty: paths only. */
  public String apiBase() {
    return publicUrl.map(u -> u.replaceFirst("/+$", "")).orElse("");
  }
}
