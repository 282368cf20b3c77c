package org.hearth.application.reputation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reputation settings ({@code hearth.reputation.*}). */
@ApplicationScoped
public class ReputationSettings {

  @Inject
  @ConfigProperty(name = "hearth.reputation.refresh", defaultValue = "PT1M")
  Duration refresh;

  @Inject
  @ConfigProperty(name = "hearth.reputation.weight.social", defaultValue = "0.40")
  double social;

  @Inject
  @ConfigProperty(name = "hearth.reputation.weight.attestation", defaultValue = "0.30")
  double attestation;

  @Inject
  @ConfigProperty(name = "hearth.reputation.weight.payment", defaultValue = "0.20")
  double payment;

  @Inject
  @ConfigProperty(name = "hearth.reputation.weight.history", defaultValue = "0.10")
  double history;

  @Inject
  @ConfigProperty(name = "hearth.reputation.weight.reviews", defaultValue = "0.10")
  double reviews;

  @Inject
  @ConfigProperty(name = "hearth.reputation.review-prior-weight", defaultValue = "10")
  double reviewPriorWeight;

  /** How often every node's reputation is computed again. */
  public Duration refresh() {
    return refresh;
  }

  /**
   * @throws IllegalArgumentException for a negative weight or a prior weight that is not positive
   */
  public ReputationModel model() {
    return new ReputationModel(
        new ReputationWeights(social, attestation, payment, history, reviews, reviewPriorWeight));
  }
}
