package org.hearth.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.hearth.application.reputation.FollowGraph;
import org.hearth.application.reputation.PageRank;
import org.hearth.application.reputation.TrustGraph;

/**
 * Personalized PageRank over a synthetic follow graph (issue 6 goal: 100,000 keys and 2,000,000
 * follows in ≤ 200 ms), with the production {@link FollowGraph} and {@link PageRank}. Each key
 * follows 1 to 39 others (20 on average), chosen with a bias to popular keys (a quarter of all
 * follows go to the first 1% of keys), like real follow graphs. Reports the graph build time, the
 * global PageRank, and the distribution of personalized runs from random viewers (a cache hit, the
 * same viewer again, is also timed).
 *
 * <p>Usage: {@code java -cp hearth-bench.jar org.hearth.bench.WebOfTrustBench [--keys 100000]
 * [--follows 2000000] [--viewers 30] [--seed 1]}
 */
public final class WebOfTrustBench {

  public static void main(String[] args) {
    Flags flags = Flags.parse(Set.of("--keys", "--follows", "--viewers", "--seed"), args);
    int keys = flags.positiveInt("--keys", 100_000);
    int follows = flags.positiveInt("--follows", 2_000_000);
    int viewers = flags.positiveInt("--viewers", 30);
    SplittableRandom random = new SplittableRandom(flags.positiveInt("--seed", 1));

    Map<String, List<String>> lists = followLists(keys, follows, random);
    long t0 = System.nanoTime();
    FollowGraph graph = FollowGraph.of(lists);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    lists = null; // let the lists go: the graph is what the server keeps

    long t1 = System.nanoTime();
    TrustGraph trust = new TrustGraph(graph);
    double globalMs = (System.nanoTime() - t1) / 1e6;

    Histogram personalized = new Histogram(60_000_000_000L, 3);
    for (int i = 0; i < viewers; i++) {
      int viewer = random.nextInt(graph.size());
      long t = System.nanoTime();
      PageRank.personalized(graph, viewer);
      personalized.recordValue(System.nanoTime() - t);
    }
    String viewer = graph.key(random.nextInt(graph.size()));
    String operator = graph.key(random.nextInt(graph.size()));
    trust.seenBy(viewer, operator);
    long t2 = System.nanoTime();
    trust.seenBy(viewer, operator);
    double cachedMicros = (System.nanoTime() - t2) / 1e3;

    System.out.printf(
        "{\"keys\":%d,\"follows\":%d,\"buildMs\":%.0f,\"globalMs\":%.0f,"
            + "\"personalizedMs\":{\"runs\":%d,\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
            + "\"cachedViewerMicros\":%.1f,\"heapUsedMiB\":%d}%n",
        graph.size(),
        graph.follows(),
        buildMs,
        globalMs,
        viewers,
        personalized.getValueAtPercentile(50) / 1e6,
        personalized.getValueAtPercentile(99) / 1e6,
        personalized.getMaxValue() / 1e6,
        cachedMicros,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  private static Map<String, List<String>> followLists(
      int keys, int follows, SplittableRandom random) {
    String[] names = new String[keys];
    for (int i = 0; i < keys; i++) {
      names[i] = String.format("%064x", i);
    }
    int popular = Math.max(1, keys / 100);
    double perKey = (double) follows / keys;
    Map<String, List<String>> lists = new HashMap<>(keys * 2);
    for (int i = 0; i < keys; i++) {
      int count = (int) Math.round(1 + random.nextDouble() * (2 * perKey - 2));
      List<String> list = new ArrayList<>(count);
      for (int f = 0; f < count; f++) {
        int target = random.nextInt(4) == 0 ? random.nextInt(popular) : random.nextInt(keys);
        list.add(names[target]);
      }
      lists.put(names[i], list);
    }
    return lists;
  }
}
