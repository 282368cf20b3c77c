package org.hearth.application.reputation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Social trust over one follow graph: global ranks computed once, each viewer's personalized ranks
 * computed on first use and kept for the graph's lifetime (the most recent viewers only).
 */
public final class TrustGraph {

  /** Viewers whose personalized ranks are kept. */
  static final int CACHED_VIEWERS = 256;

  public static final TrustGraph EMPTY = new TrustGraph(FollowGraph.EMPTY);

  private final FollowGraph graph;
  private final double[] global;
  private final double bestGlobal;
  private final Map<Integer, double[]> personalized =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
              return size() > CACHED_VIEWERS;
            }
          });

  public TrustGraph(FollowGraph graph) {
    this.graph = graph;
    this.global = PageRank.global(graph);
    this.bestGlobal = best(global, -1);
  }

  /** The crowd's trust in {@code key}, or null when no follow list names it. */
  public SocialTrust global(String key) {
    OptionalInt k = graph.indexOf(key);
    if (k.isEmpty()) {
      return null;
    }
    return new SocialTrust("global", global[k.getAsInt()], bestGlobal, SocialTrust.GLOBAL_DAMPING);
  }

  /** Whether {@code viewer} (or null) follows anyone, so that it has a perspective of its own. */
  public boolean hasPerspective(String viewer) {
    OptionalInt v = viewer == null ? OptionalInt.empty() : graph.indexOf(viewer);
    return v.isPresent() && graph.outDegree(v.getAsInt()) > 0;
  }

  /**
   * The trust that reaches {@code key} from {@code viewer}'s follows; the global trust when the
   * viewer follows no one (or is null).
   */
  public SocialTrust seenBy(String viewer, String key) {
    if (!hasPerspective(viewer)) {
      return global(key);
    }
    int source = graph.indexOf(viewer).getAsInt();
    double[] ranks = personalized.computeIfAbsent(source, s -> PageRank.personalized(graph, s));
    OptionalInt k = graph.indexOf(key);
    double rank = k.isEmpty() || k.getAsInt() == source ? 0 : ranks[k.getAsInt()];
    return new SocialTrust("viewer", rank, best(ranks, source), 1.0);
  }

  private static double best(double[] ranks, int except) {
    double best = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (i != except && ranks[i] > best) {
        best = ranks[i];
      }
    }
    return best;
  }
}
