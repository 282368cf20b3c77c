package org.hearth.application.reputation;

/**
 * The weights of the reputation components (relative: renormalized over the components present for
 * a node), and the weight C of the reviews' prior.
 */
public record ReputationWeights(
    double social,
    double attestation,
    double payment,
    double history,
    double reviews,
    double reviewPriorWeight) {

  /**
   * The design's weights (social 0.40, attestation 0.30, payment 0.20, history 0.10), reviews 0.10.
   */
  public static final ReputationWeights DEFAULT =
      new ReputationWeights(0.40, 0.30, 0.20, 0.10, 0.10, 10);

  public ReputationWeights {
    for (double w : new double[] {social, attestation, payment, history, reviews}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("reputation weights must be finite and ≥ 0");
      }
    }
    if (!(reviewPriorWeight > 0) || Double.isInfinite(reviewPriorWeight)) {
      throw new IllegalArgumentException("the reviews' prior weight must be > 0");
    }
  }
}
