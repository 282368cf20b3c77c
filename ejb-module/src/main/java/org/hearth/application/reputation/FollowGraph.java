package org.hearth.application.reputation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Who follows whom (NIP-02 follow lists), compact: keys numbered, each key's follows in one shared
 * array (compressed sparse rows), so a graph of millions of follows costs tens of megabytes and a
 * PageRank iteration walks it in order.
 */
public final class FollowGraph {

  private final Map<String, Integer> index;
  private final String[] keys;
  private final int[] offsets;
  private final int[] targets;

  private FollowGraph(Map<String, Integer> index, String[] keys, int[] offsets, int[] targets) {
    this.index = index;
    this.keys = keys;
    this.offsets = offsets;
    this.targets = targets;
  }

  public static final FollowGraph EMPTY = of(Map.of());

  /**
   * @param follows each key's follow list (a key following itself, or twice, counts once and not at
   *     all for itself)
   */
  public static FollowGraph of(Map<String, List<String>> follows) {
    Map<String, Integer> index = new HashMap<>();
    follows.forEach(
        (from, to) -> {
          index.putIfAbsent(from, index.size());
          to.forEach(key -> index.putIfAbsent(key, index.size()));
        });
    String[] keys = new String[index.size()];
    index.forEach((key, i) -> keys[i] = key);
    int[] offsets = new int[keys.length + 1];
    int[][] rows = new int[keys.length][];
    long edges = 0;
    for (Map.Entry<String, List<String>> e : follows.entrySet()) {
      int from = index.get(e.getKey());
      int[] row =
          e.getValue().stream().mapToInt(index::get).filter(t -> t != from).distinct().toArray();
      rows[from] = row;
      edges += row.length;
    }
    int[] targets = new int[Math.toIntExact(edges)];
    int at = 0;
    for (int i = 0; i < keys.length; i++) {
      offsets[i] = at;
      int[] row = rows[i] == null ? new int[0] : rows[i];
      System.arraycopy(row, 0, targets, at, row.length);
      at += row.length;
    }
    offsets[keys.length] = at;
    return new FollowGraph(Map.copyOf(index), keys, offsets, targets);
  }

  public int size() {
    return keys.length;
  }

  public int follows() {
    return targets.length;
  }

  public OptionalInt indexOf(String key) {
    Integer i = index.get(key);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  public String key(int i) {
    return keys[i];
  }

  int outDegree(int i) {
    return offsets[i + 1] - offsets[i];
  }

  int[] offsets() {
    return offsets;
  }

  int[] targets() {
    return targets;
  }

  @Override
  public String toString() {
    return "FollowGraph[" + keys.length + " keys, " + targets.length + " follows]";
  }

  /** For tests: the follows of one key, as keys. */
  List<String> followsOf(String key) {
    int i = index.get(key);
    return Arrays.stream(targets, offsets[i], offsets[i + 1]).mapToObj(t -> keys[t]).toList();
  }
}
