package org.hearth.application.reputation;

/**
 * PageRank over a {@link FollowGraph} by power iteration: trust flows along follows, each key
 * sharing its rank equally among the keys it follows. Personalized, every restart (the {@code 1 −
 * damping} share, and the rank of keys that follow no one) goes back to one source key, so only
 * keys reachable from it by follows get any rank; global, it spreads over every key.
 */
public final class PageRank {

  /** The usual damping: a walk follows another edge with this probability. */
  public static final double DAMPING = 0.85;

  /** Stop when the ranks change by less than this in total (L1). */
  static final double TOLERANCE = 1e-4;

  static final int MAX_ITERATIONS = 40;

  private PageRank() {}

  /** Ranks (summing to 1) of every key, seen from {@code source}. */
  public static double[] personalized(FollowGraph graph, int source) {
    return iterate(graph, source);
  }

  /** Ranks (summing to 1) of every key, with restarts spread over all keys. */
  public static double[] global(FollowGraph graph) {
    return iterate(graph, -1);
  }

  private static double[] iterate(FollowGraph graph, int source) {
    int n = graph.size();
    double[] rank = new double[n];
    if (n == 0) {
      return rank;
    }
    int[] offsets = graph.offsets();
    int[] targets = graph.targets();
    double[] next = new double[n];
    if (source >= 0) {
      rank[source] = 1;
    } else {
      java.util.Arrays.fill(rank, 1.0 / n);
    }
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      java.util.Arrays.fill(next, 0);
      double restart = 1 - DAMPING;
      for (int u = 0; u < n; u++) {
        double r = rank[u];
        if (r == 0) {
          continue;
        }
        int from = offsets[u];
        int to = offsets[u + 1];
        if (from == to) {
          restart += DAMPING * r; // follows no one: its walk restarts
          continue;
        }
        double share = DAMPING * r / (to - from);
        for (int e = from; e < to; e++) {
          next[targets[e]] += share;
        }
      }
      if (source >= 0) {
        next[source] += restart;
      } else {
        double each = restart / n;
        for (int v = 0; v < n; v++) {
          next[v] += each;
        }
      }
      double change = 0;
      for (int v = 0; v < n; v++) {
        change += Math.abs(next[v] - rank[v]);
      }
      double[] swap = rank;
      rank = next;
      next = swap;
      if (change < TOLERANCE) {
        break;
      }
    }
    return rank;
  }
}
