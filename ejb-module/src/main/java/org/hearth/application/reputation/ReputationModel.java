package org.hearth.application.reputation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.ReviewStats;
import org.hearth.domain.reputation.TeeType;

/**
 * Computes reputations (pure, unit-tested). Components in [0, 1]:
 *
 * <ul>
 *   <li>history: 0.6 × uptime + 0.3 × completion ratio (Laplace-smoothed, so a new node is neutral)
 *       + 0.1 × tenure (days registered, full at 90);
 *   <li>reviews: the Bayesian average rating, (C × m + Σ stars) ÷ (C + n) with m the marketplace's
 *       mean rating and C the prior weight, mapped from 1–5 onto 0–1, so a few reviews move it
 *       little and many move it much;
 *   <li>payment: billing periods delivered without an outage of the node, Laplace-smoothed;
 *   <li>social: trust reaching the operator's key along NIP-02 follows ({@link SocialTrust});
 *   <li>attestation: what the node's current attestation (kind 10033) claims and who vouches for
 *       it: 1 for a TEE vouched for by a trusted attester, 0.8 for a TEE the node's own key claims
 *       with evidence, 0.6 without, 0.3 for a host without TEE; absent without a current
 *       attestation. Evidence is not verified against the vendors' roots, so these are the weights
 *       of claims.
 * </ul>
 *
 * <p>The score is the mean of the present components weighted by their configured weights.
 */
public final class ReputationModel {

  /** Days after which tenure counts in full. */
  static final double FULL_TENURE_DAYS = 90;

  /** A TEE an attester the marketplace trusts vouches for. */
  static final double VOUCHED_TEE = 1.0;

  /** A host without TEE: the node says what runs it, nothing isolates it from its operator. */
  static final double NO_TEE = 0.3;

  /** A TEE only the node's own key claims, with evidence anyone may verify; without any. */
  static final double SELF_TEE_WITH_QUOTE = 0.8;

  static final double SELF_TEE = 0.6;

  private final ReputationWeights weights;

  public ReputationModel(ReputationWeights weights) {
    this.weights = weights;
  }

  public Reputation of(ReputationInputs in) {
    List<Draft> drafts = new ArrayList<>();
    drafts.add(history(in));
    drafts.add(reviews(in));
    drafts.add(payment(in));
    drafts.add(attestation(in));
    drafts.add(social(in));
    double present = 0;
    for (Draft d : drafts) {
      present += d.value() == null ? 0 : d.weight();
    }
    double score = 0;
    List<Reputation.Component> components = new ArrayList<>();
    for (Draft d : drafts) {
      double share = d.value() == null || present == 0 ? 0 : d.weight() / present;
      score += d.value() == null ? 0 : share * d.value();
      components.add(
          new Reputation.Component(d.name(), d.value(), d.weight(), share, d.inputs(), d.note()));
    }
    return new Reputation(clamp(score), components);
  }

  private Draft history(ReputationInputs in) {
    double uptime = clamp(in.uptimePercent() / 100.0);
    double completion = (in.completions() + 1.0) / (in.hosted() + 2.0);
    double tenure = Math.min(1.0, in.tenureDays() / FULL_TENURE_DAYS);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("uptimePercent", in.uptimePercent());
    inputs.put("vmsHosted", in.hosted());
    inputs.put("completions", in.completions());
    inputs.put("tenureDays", in.tenureDays());
    return new Draft(
        "history",
        clamp(0.6 * uptime + 0.3 * completion + 0.1 * tenure),
        weights.history(),
        inputs,
        "0.6 × uptime + 0.3 × (completions + 1) ÷ (hosted + 2) + 0.1 × min(1, tenure days ÷ 90)");
  }

  private Draft reviews(ReputationInputs in) {
    ReviewStats r = in.reviews();
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("count", r.count());
    inputs.put("average", r.average());
    inputs.put("priorMean", in.reviewPriorMean());
    inputs.put("priorWeight", weights.reviewPriorWeight());
    if (r.count() == 0) {
      return new Draft("reviews", null, weights.reviews(), inputs, "absent: no reviews yet");
    }
    double c = weights.reviewPriorWeight();
    double bayesian = (c * in.reviewPriorMean() + r.sum()) / (c + r.count());
    inputs.put("bayesianAverage", bayesian);
    return new Draft(
        "reviews",
        clamp((bayesian - 1) / 4),
        weights.reviews(),
        inputs,
        "(Bayesian average − 1) ÷ 4, the average being (C × prior mean + Σ stars) ÷ (C + n)");
  }

  private Draft social(ReputationInputs in) {
    SocialTrust trust = in.social();
    if (trust == null) {
      return new Draft(
          "social",
          null,
          weights.social(),
          Map.of(),
          "absent: no follow list (NIP-02) reaches the operator's key");
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("perspective", trust.perspective());
    inputs.put("rank", trust.rank());
    inputs.put("bestRank", trust.bestRank());
    inputs.put("damping", trust.damping());
    return new Draft(
        "social",
        trust.value(),
        weights.social(),
        inputs,
        "damping × min(1, PageRank of the operator's key ÷ the best rank of any other key), over"
            + " follow lists, personalized from the viewer's key (damping 1) or global (0.5)");
  }

  private Draft attestation(ReputationInputs in) {
    AttestationSummary a = in.attestation();
    if (a == null) {
      return new Draft(
          "attestation",
          null,
          weights.attestation(),
          Map.of(),
          "absent: no current attestation (kind 10033) of the node");
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("tee", a.tee().tag());
    inputs.put("vouchedBy", a.byNode() ? "node" : "attester");
    inputs.put("author", a.author());
    inputs.put("measurement", a.measurement());
    inputs.put("quoteBytes", a.quoteBytes());
    inputs.put("expiresAt", a.expiresAt().toString());
    return new Draft(
        "attestation",
        attestationValue(a),
        weights.attestation(),
        inputs,
        "1 for a TEE vouched for by a trusted attester, 0.8 for a TEE claimed by the node's key"
            + " with a quote, 0.6 without, 0.3 for no TEE; quotes are not verified by Hearth");
  }

  /** The worth of an attestation's claim, by what it claims and who vouches for it. */
  static double attestationValue(AttestationSummary a) {
    if (a.tee() == TeeType.NONE) {
      return NO_TEE;
    }
    if (!a.byNode()) {
      return VOUCHED_TEE;
    }
    return a.quoteBytes() > 0 ? SELF_TEE_WITH_QUOTE : SELF_TEE;
  }

  private Draft payment(ReputationInputs in) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("periodsSettled", in.periodsSettled());
    inputs.put("periodsInterrupted", in.periodsInterrupted());
    if (in.periodsSettled() == 0) {
      return new Draft(
          "payment", null, weights.payment(), inputs, "absent: no billing period settled yet");
    }
    long delivered = in.periodsSettled() - in.periodsInterrupted();
    return new Draft(
        "payment",
        clamp((delivered + 1.0) / (in.periodsSettled() + 2.0)),
        weights.payment(),
        inputs,
        "(periods without an outage + 1) ÷ (periods settled + 2)");
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private record Draft(
      String name, Double value, double weight, Map<String, Object> inputs, String note) {}
}
