package org.hearth.application.reputation;

/**
 * How much trust reaches a node's operator along follows: its PageRank seen from the viewer's key
 * (personalized), or, for an anonymous view, its global PageRank damped by half. The value is the
 * rank relative to the best-ranked key other than the viewer's.
 *
 * @param perspective {@code viewer} or {@code global}
 * @param rank the operator key's rank
 * @param bestRank the highest rank of any other key
 * @param damping 1 for a viewer's own perspective, {@link #GLOBAL_DAMPING} for the global one
 */
public record SocialTrust(String perspective, double rank, double bestRank, double damping) {

  /** A global rank counts half: it is the crowd's opinion, which Sybils can sway. */
  public static final double GLOBAL_DAMPING = 0.5;

  public double value() {
    return bestRank <= 0 ? 0 : damping * Math.min(1, rank / bestRank);
  }
}
