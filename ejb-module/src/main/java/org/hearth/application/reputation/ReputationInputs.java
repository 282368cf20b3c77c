package org.hearth.application.reputation;

import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.ReviewStats;

/**
 * What a node's reputation is computed from.
 *
 * @param uptimePercent over the uptime window
 * @param hosted VMs the node has hosted
 * @param completions of those, the ones that ended well
 * @param tenureDays days since the node registered
 * @param reviews the node's reviews
 * @param reviewPriorMean the mean rating of all reviews in the marketplace (the Bayesian prior)
 * @param periodsSettled billing periods settled for VMs on the node (uptime window)
 * @param periodsInterrupted of those, the ones an outage of the node cut into
 * @param social trust reaching the operator by follows, or null when no follow list tells
 * @param attestation the node's current (unexpired) attestation, or null
 */
public record ReputationInputs(
    double uptimePercent,
    long hosted,
    long completions,
    long tenureDays,
    ReviewStats reviews,
    double reviewPriorMean,
    long periodsSettled,
    long periodsInterrupted,
    SocialTrust social,
    AttestationSummary attestation) {

  /** These inputs with the trust seen from another perspective. */
  public ReputationInputs withSocial(SocialTrust trust) {
    return new ReputationInputs(
        uptimePercent,
        hosted,
        completions,
        tenureDays,
        reviews,
        reviewPriorMean,
        periodsSettled,
        periodsInterrupted,
        trust,
        attestation);
  }
}
